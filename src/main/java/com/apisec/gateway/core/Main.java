package com.apisec.gateway.core;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: {@code run} (the default) starts the gateway, {@code token} prints a JWT. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    subcommands = {TokenCommand.class},
    description = "Integration gateway of the API-security platform.")
public final class Main implements Callable<Integer> {
  @Option(
      names = "--config",
      defaultValue = "conf/config.yaml",
      description = "YAML config file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--cluster", description = "Join a Hazelcast cluster.")
  boolean cluster;

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** The command line, with errors printed as one line rather than a stack trace. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(
            (e, line, parsed) -> {
              line.getErr().println("error: " + e.getMessage());
              line.getErr().flush();
              return 2;
            });
  }

  @Override
  public Integer call() {
    return Launcher.run(config, cluster, System.getenv());
  }
}
