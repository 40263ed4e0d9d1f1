package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.Launcher;
import com.apisec.gateway.core.NodeProcess;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * A gateway node as a process of its own (started as {@code Main} starts one, joined to the cluster
 * with {@code --cluster}) that also runs the probe worker, so that process tests can count runs:
 * {@code configFile nodeName [--cluster]}. The store's URI comes from {@code GATEWAY_MONGO_URI}.
 */
public final class ProbeNode {
  private ProbeNode() {}

  public static void main(String[] args) throws Exception {
    boolean cluster = args.length > 2 && args[2].equals("--cluster");
    Launcher.Node node = NodeProcess.start(Path.of(args[0]), cluster, System.getenv());
    JsonObject mongo =
        new JsonObject()
            .put("connection_string", System.getenv("GATEWAY_MONGO_URI"))
            .put("db_name", node.config().store().database());
    node.vertx().deployVerticle(new ProbeWorker(args[1], mongo)).await();
    NodeProcess.stopOnShutdown(node);
    LoggerFactory.getLogger(ProbeNode.class)
        .info("probe node ready [name: {}, pid: {}]", args[1], ProcessHandle.current().pid());
    TimeUnit.DAYS.sleep(1);
  }
}
