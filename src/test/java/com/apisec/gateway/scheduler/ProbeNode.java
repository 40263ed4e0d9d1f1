package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.Launcher;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * A gateway node as a process of its own (the launcher's full start, from a config file) that also
 * runs the probe worker, so process tests can count runs: {@code configFile nodeName}. It reads the
 * shared store's URI from {@code GATEWAY_MONGO_URI}.
 */
public final class ProbeNode {
  private ProbeNode() {}

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    Launcher.Node node = Launcher.start(vertx, Path.of(args[0]), System.getenv()).await();
    JsonObject mongo =
        new JsonObject()
            .put("connection_string", System.getenv("GATEWAY_MONGO_URI"))
            .put("db_name", node.config().store().database());
    vertx.deployVerticle(new ProbeWorker(args[1], mongo)).await();
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "node-shutdown"));
    LoggerFactory.getLogger(ProbeNode.class)
        .info("probe node ready [name: {}, pid: {}]", args[1], ProcessHandle.current().pid());
    TimeUnit.DAYS.sleep(1);
  }
}
