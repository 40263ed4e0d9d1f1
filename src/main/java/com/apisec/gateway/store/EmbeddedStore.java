package com.apisec.gateway.store;

import com.apisec.gateway.core.PrivateFiles;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB-wire-compatible server that runs in-process when no MongoDB is configured. Its data
 * lives in one MVStore file in the data dir, so it survives a restart.
 */
public final class EmbeddedStore implements AutoCloseable {
  public static final String FILE_NAME = "store.mv";

  /**
   * The most memory, in MB, the store keeps of its file's pages as objects; filled as pages are
   * read. A query no unique index answers reads every document of a collection: with the store's
   * default of 16 MB, 100,000 jobs do not fit, and each such read decodes them again from the file
   * (about 2 s of CPU instead of 0.2 s, measured with the scheduler's jobs).
   */
  static final int PAGE_CACHE_MB = 256;

  private final MongoServer server;
  private final Path file;
  private final InetSocketAddress address;

  private EmbeddedStore(MongoServer server, Path file, InetSocketAddress address) {
    this.server = server;
    this.file = file;
    this.address = address;
  }

  /**
   * Opens the store file in {@code dataDir} and listens on {@code host:port} (0: any port). The dir
   * and the file, when this creates them, are readable by their owner only: the file holds the
   * sealed secrets.
   */
  public static EmbeddedStore start(Path dataDir, String host, int port) {
    return start(dataDir, host, port, PAGE_CACHE_MB);
  }

  /**
   * As {@link #start(Path, String, int)} with a page cache of {@code cacheMb}: a small one makes
   * the store read pages back from its file soon, as a long-running store does with a full cache.
   */
  static EmbeddedStore start(Path dataDir, String host, int port, int cacheMb) {
    Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
    try {
      PrivateFiles.directory(dataDir);
      PrivateFiles.createIfAbsent(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the store file " + file, e);
    }
    MVStore pages = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open();
    MongoServer server = new MongoServer(new H2Backend(pages));
    server.bind(host, port);
    InetSocketAddress address = server.getLocalAddress();
    return new EmbeddedStore(server, file, address);
  }

  public String connectionString() {
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  public Path file() {
    return file;
  }

  public int port() {
    return address.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
