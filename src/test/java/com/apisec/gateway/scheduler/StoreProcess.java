package com.apisec.gateway.scheduler;

import com.apisec.gateway.store.EmbeddedStore;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * The embedded store as a process of its own, shared by node processes: {@code dataDir port}. Logs
 * {@code store ready <uri>} once it listens; runs until killed.
 */
public final class StoreProcess {
  private StoreProcess() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedStore store =
        EmbeddedStore.start(Path.of(args[0]), "127.0.0.1", Integer.parseInt(args[1]));
    Runtime.getRuntime().addShutdownHook(new Thread(store::close, "store-shutdown"));
    LoggerFactory.getLogger(StoreProcess.class).info("store ready {}", store.connectionString());
    new CountDownLatch(1).await();
  }
}
