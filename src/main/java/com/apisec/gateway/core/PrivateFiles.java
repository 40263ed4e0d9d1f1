package com.apisec.gateway.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creates the data dir and the files the gateway keeps in it (the embedded store's file, generated
 * keys) so that only their owner can read them: directories {@code rwx------}, files {@code
 * rw-------}, set at creation rather than after, so they are never readable by others, not even for
 * a moment. On a file system without POSIX permissions they are created with its defaults. Existing
 * directories and files keep the permissions they have.
 */
public final class PrivateFiles {
  private static final String DIRECTORY = "rwx------";
  private static final String FILE = "rw-------";

  private PrivateFiles() {}

  /** Creates {@code dir} and any missing parents, each private; an existing one is left as is. */
  public static Path directory(Path dir) throws IOException {
    return Files.createDirectories(dir, permissions(dir, DIRECTORY));
  }

  /** Creates an empty private file unless {@code file} already exists. */
  public static void createIfAbsent(Path file) throws IOException {
    try {
      Files.createFile(file, permissions(file, FILE));
    } catch (FileAlreadyExistsException e) {
      // kept as it is, with its contents and permissions
    }
  }

  private static FileAttribute<?>[] permissions(Path path, String mode) {
    if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    var permissions = PosixFilePermissions.fromString(mode);
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
  }
}
