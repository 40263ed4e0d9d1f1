package com.apisec.gateway.core;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: without a subcommand it starts the gateway ({@code --cluster} to join a
 * cluster); {@code token} prints a JWT; {@code store} runs the embedded store on its own.
 */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    subcommands = {TokenCommand.class, StoreCommand.class},
    description = "Integration gateway of the API-security platform.")
public final class Main implements Callable<Integer> {
  @Option(
      names = "--config",
      defaultValue = "conf/config.yaml",
      description = "YAML config file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--cluster", description = "Join the Hazelcast cluster set under cluster:.")
  boolean cluster;

  public static void main(String[] args) {
    JdkLogging.toSlf4j();
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
    return NodeProcess.run(config, cluster, System.getenv());
  }
}
