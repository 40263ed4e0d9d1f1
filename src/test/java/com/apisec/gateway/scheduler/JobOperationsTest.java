package com.apisec.gateway.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.apisec.gateway.core.Addresses;
import com.apisec.gateway.core.BusRequest;
import com.apisec.gateway.core.GatewayException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class JobOperationsTest {
  private static final long IN_AN_HOUR = 3_600_000;

  @TempDir Path dir;
  private Nodes nodes;
  private Nodes.Node node;

  @BeforeEach
  void open() {
    nodes = new Nodes(dir);
    node = nodes.start("n", Nodes.config(dir.resolve("n"), new JsonObject()));
  }

  @AfterEach
  void close() {
    nodes.close();
  }

  @Test
  void upsert_savedTwice_keepsOneJobWithTheNewInterval() {
    Job first = node.scheduler().upsert(hourly(1, "twice", 3600)).await();

    Job second = node.scheduler().upsert(hourly(1, "twice", 600)).await();

    assertEquals(first.jobId(), second.jobId());
    assertEquals(600, second.intervalSeconds());
    assertEquals(1, node.scheduler().list(1).await().size());
  }

  @Test
  void fetchIntegrationJobs_twoAccounts_returnsOnlyTheCallersJobs() {
    node.scheduler().upsert(hourly(1, "mine", 3600)).await();
    node.scheduler().upsert(hourly(2, "theirs", 3600)).await();

    JsonObject reply = call(Addresses.SCHEDULER_FETCH_JOBS, 1, new JsonObject());

    JsonArray jobs = reply.getJsonArray("jobs");
    assertEquals(1, jobs.size());
    assertEquals("mine", jobs.getJsonObject(0).getString("key"));
    assertEquals(null, jobs.getJsonObject(0).getString("lastResult"));
  }

  @Test
  void pauseIntegrationJob_jobOfAnotherAccount_is422NotFound() {
    Job theirs = node.scheduler().upsert(hourly(2, "theirs", 3600)).await();

    ReplyException e =
        assertThrows(
            ReplyException.class,
            () ->
                call(Addresses.SCHEDULER_PAUSE, 1, new JsonObject().put("jobId", theirs.jobId())));

    assertEquals(422, e.failureCode());
    assertEquals("jobId not found", e.getMessage());
    assertEquals("ACTIVE", node.scheduler().get(2, theirs.jobId()).await().status());
  }

  @Test
  void pauseIntegrationJob_noOrWrongJobId_is422NamingJobId() {
    ReplyException missing =
        assertThrows(
            ReplyException.class, () -> call(Addresses.SCHEDULER_PAUSE, 1, new JsonObject()));
    ReplyException number =
        assertThrows(
            ReplyException.class,
            () -> call(Addresses.SCHEDULER_RUN_NOW, 1, new JsonObject().put("jobId", 42)));

    assertEquals(422, missing.failureCode());
    assertEquals("jobId is required", missing.getMessage());
    assertEquals("jobId must be a string", number.getMessage());
  }

  @Test
  void pauseThenResume_ownJob_statusFollows() {
    Job job = node.scheduler().upsert(hourly(1, "toggled", 3600)).await();
    JsonObject body = new JsonObject().put("jobId", job.jobId());

    JsonObject paused = call(Addresses.SCHEDULER_PAUSE, 1, body).getJsonObject("job");
    ReplyException runPaused =
        assertThrows(ReplyException.class, () -> call(Addresses.SCHEDULER_RUN_NOW, 1, body));
    JsonObject resumed = call(Addresses.SCHEDULER_RESUME, 1, body).getJsonObject("job");

    assertEquals("PAUSED", paused.getString("status"));
    assertEquals(422, runPaused.failureCode());
    assertEquals("ACTIVE", resumed.getString("status"));
  }

  @Test
  void saveCursor_tokenOfALeaseThatIsGone_isRefused() {
    Job job = node.scheduler().upsert(hourly(1, "fenced", 3600)).await();
    JobRun stale =
        new JobRun(job.jobId(), 1, "probe", "fenced", 0, 1, 0, "no-such-token", null, null);

    GatewayException e =
        assertThrows(
            GatewayException.class,
            () -> node.scheduler().saveCursor(stale, new JsonObject().put("step", 9)).await());

    assertEquals(409, e.status());
  }

  private JsonObject call(String address, long accountId, JsonObject body) {
    BusRequest request = new BusRequest(accountId, "user@example.com", body);
    return node.vertx().eventBus().<JsonObject>request(address, request.toJson()).await().body();
  }

  private static JobSpec hourly(long account, String key, long intervalSeconds) {
    JobKey jobKey = new JobKey(account, ProbeWorker.TYPE, key);
    return JobSpec.every(jobKey, intervalSeconds, null)
        .firstDueAt(System.currentTimeMillis() + IN_AN_HOUR);
  }
}
