package com.apisec.gateway.core;

import com.apisec.gateway.store.EmbeddedStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the embedded store as a process of its own, so that several nodes on one machine can share
 * it. Prints the connection string, then serves until SIGTERM or Ctrl-C.
 */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = "Run the embedded store on its own (for a cluster on one machine).")
final class StoreCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(StoreCommand.class);

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "${env:GATEWAY_STORE_PORT:-27017}",
      description = "Port (env GATEWAY_STORE_PORT, default 27017).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "${env:GATEWAY_STORE_HOST:-127.0.0.1}",
      description = "Interface (env GATEWAY_STORE_HOST, default 127.0.0.1).")
  String host;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:GATEWAY_DATA_DIR:-data/store}",
      description = "Directory of the store file (env GATEWAY_DATA_DIR, default data/store).")
  Path dataDir;

  @Override
  public Integer call() throws InterruptedException {
    EmbeddedStore store;
    try {
      store = EmbeddedStore.start(dataDir, host, port);
    } catch (RuntimeException e) {
      LOG.error("store not started [host: {}, port: {}]: {}", host, port, rootMessage(e));
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(store), "store-shutdown"));
    if (!host.equals("localhost") && !host.startsWith("127.")) {
      LOG.warn("the embedded store has no authentication; keep it off untrusted networks");
    }
    LOG.info("store listening [uri: {}, file: {}]", store.connectionString(), store.file());
    PrintWriter out = spec.commandLine().getOut();
    out.println(store.connectionString());
    out.flush();
    new CountDownLatch(1).await();
    return 0;
  }

  private static void stop(EmbeddedStore store) {
    store.close();
    LOG.info("store stopped [file: {}]", store.file());
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
