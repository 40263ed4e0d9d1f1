package com.apisec.gateway.cluster;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.BusOperation;
import com.apisec.gateway.core.Launcher;
import com.apisec.gateway.core.NodeProcess;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * A clustered gateway node that also serves {@code fetchIntegration}'s address with a stand-in
 * which names the node that answered, and waits {@code delayMs} from the request body first. The
 * process tests start it as a separate JVM to see which member handled a request.
 */
public final class StandInNode {
  private StandInNode() {}

  public static void main(String[] args) throws Exception {
    Path config = Path.of(args.length > 0 ? args[0] : "conf/config.yaml");
    Launcher.Node node = NodeProcess.start(config, true, System.getenv());
    node.vertx().deployVerticle(new StandIn(System.getenv("TEST_NODE_NAME"))).await();
    NodeProcess.stopOnShutdown(node);
  }

  /** Answers with the node's name and the caller's account. */
  static final class StandIn extends VerticleBase {
    private final String name;

    StandIn(String name) {
      this.name = name;
    }

    @Override
    public Future<?> start() {
      return BusOperation.serve(
              vertx.eventBus(),
              Addresses.JIRA_FETCH,
              request -> {
                long delay = request.body().getLong("delayMs", 0L);
                JsonObject answer =
                    new JsonObject().put("answeredBy", name).put("accountId", request.accountId());
                return delay <= 0 ? Future.succeededFuture(answer) : later(delay, answer);
              })
          .completion();
    }

    private Future<JsonObject> later(long delayMs, JsonObject answer) {
      return vertx.timer(delayMs).map(ignored -> answer);
    }
  }
}
