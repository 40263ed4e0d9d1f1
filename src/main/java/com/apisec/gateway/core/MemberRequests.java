package com.apisec.gateway.core;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests a node hands to whichever member of the cluster serves the address, failed with 503 as
 * soon as the member that took one has left the cluster, instead of when the event-bus timeout runs
 * out.
 *
 * <p>Each such request carries two headers: the address to acknowledge it to and its number here.
 * The member that receives it ({@link BusOperation}) sends back its node id at once, before it
 * works on the request. While acknowledged requests are open, this node checks twice a second that
 * their members are still in the cluster. A request whose member dies before acknowledging it still
 * waits for the timeout.
 */
public final class MemberRequests {
  static final String ACK_TO = "gateway-ack-to";
  static final String REQUEST = "gateway-request";
  static final long CHECK_MS = 500;
  static final String LEFT =
      "The cluster member serving this request left before answering; whether it took effect is"
          + " unknown.";

  private static final Logger LOG = LoggerFactory.getLogger(MemberRequests.class);

  private final Vertx vertx;
  private final ClusterManager cluster;
  private final String ackAddress = Addresses.ACCEPTED_PREFIX + UUID.randomUUID();
  private final Map<Long, Open> open = new HashMap<>();
  private MessageConsumer<Object> consumer;
  private long next;
  private long timer = -1;

  /** A request sent and not answered yet; {@code member} once it has been acknowledged. */
  private static final class Open {
    final Promise<Message<Object>> answer = Promise.promise();
    String member;
  }

  public MemberRequests(Vertx vertx) {
    this.vertx = vertx;
    this.cluster = clusterOf(vertx);
  }

  /** Registers where acknowledgements arrive; call on the context that sends the requests. */
  public Future<Void> start() {
    if (cluster == null) {
      return Future.succeededFuture();
    }
    consumer = vertx.eventBus().consumer(ackAddress, this::acknowledged);
    return consumer.completion();
  }

  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  /** Sends {@code body} to a member serving {@code address} and waits for its answer. */
  public Future<Message<Object>> request(String address, JsonObject body, long timeoutMs) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs);
    if (cluster == null) {
      return vertx.eventBus().request(address, body, options);
    }
    long id = next++;
    Open request = new Open();
    open.put(id, request);
    options.addHeader(ACK_TO, ackAddress).addHeader(REQUEST, Long.toString(id));
    vertx
        .eventBus()
        .<Object>request(address, body, options)
        .onComplete(
            (reply, failure) -> {
              open.remove(id);
              if (failure == null) {
                request.answer.tryComplete(reply);
              } else {
                request.answer.tryFail(failure);
              }
            });
    return request.answer.future();
  }

  /** Open requests, acknowledged or not; for tests. */
  int openRequests() {
    return open.size();
  }

  private void acknowledged(Message<Object> message) {
    if (!(message.body() instanceof JsonObject ack)
        || !(ack.getValue("request") instanceof String id)
        || !(ack.getValue("node") instanceof String member)) {
      return;
    }
    Open request = open.get(parseId(id));
    if (request == null) {
      return;
    }
    request.member = member;
    if (timer < 0) {
      timer = vertx.setTimer(CHECK_MS, ignored -> check());
    }
  }

  private void check() {
    timer = -1;
    List<String> members;
    try {
      members = cluster.getNodes();
    } catch (RuntimeException e) {
      // Hazelcast throws once this node is leaving; the timeouts end what is open.
      return;
    }
    boolean waiting = false;
    for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
      Open request = it.next();
      if (request.member == null) {
        continue;
      }
      if (members.contains(request.member)) {
        waiting = true;
      } else {
        LOG.warn("member left with a request open [member: {}]", request.member);
        it.remove();
        request.answer.tryFail(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 503, LEFT));
      }
    }
    if (waiting) {
      timer = vertx.setTimer(CHECK_MS, ignored -> check());
    }
  }

  private static long parseId(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * On the serving side, before the work starts: acknowledges a request that asks for it, naming
   * this node. Requests without the headers (from this node, or from sibling services) are left
   * alone.
   */
  static void acknowledge(Message<?> message) {
    String ackTo = message.headers().get(ACK_TO);
    String request = message.headers().get(REQUEST);
    if (ackTo == null || request == null || !ackTo.startsWith(Addresses.ACCEPTED_PREFIX)) {
      return;
    }
    Context context = Vertx.currentContext();
    ClusterManager cluster = context == null ? null : clusterOf(context.owner());
    if (cluster != null) {
      context
          .owner()
          .eventBus()
          .send(ackTo, new JsonObject().put("request", request).put("node", cluster.getNodeId()));
    }
  }

  /** The cluster manager of a clustered Vert.x; Vert.x has no public call for it. */
  private static ClusterManager clusterOf(Vertx vertx) {
    return vertx instanceof VertxInternal internal && vertx.isClustered()
        ? internal.clusterManager()
        : null;
  }
}
