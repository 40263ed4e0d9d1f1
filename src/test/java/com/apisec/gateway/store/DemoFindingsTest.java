package com.apisec.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.model.Filters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo findings in a store shared by several nodes, each node with its own client. The store's
 * page cache is small, so the demo findings' pages are read back from the file while other work
 * goes on, as happens in a store that has run for a while before another node joins.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class DemoFindingsTest {
  private static final int SMALL_CACHE_MB = 1;
  private static final List<String> COLLECTIONS =
      List.of(PlatformStore.ISSUES, PlatformStore.RESULTS, PlatformStore.TEMPLATES);
  private static final PlatformStore.TicketLink LINK =
      new PlatformStore.TicketLink(
          "jiraIssueUrl",
          "https://example-org.atlassian.net/browse/SCRUM-9",
          "JIRA",
          "SCRUM",
          "SCRUM-9");

  @TempDir Path dataDir;
  private Vertx vertx;
  private EmbeddedStore store;
  private final List<PlatformStore> nodes = new ArrayList<>();

  @BeforeEach
  void open(Vertx vertx) {
    this.vertx = vertx;
    store = EmbeddedStore.start(dataDir, "127.0.0.1", 0, SMALL_CACHE_MB);
  }

  @AfterEach
  void close() {
    nodes.forEach(PlatformStore::close);
    store.close();
  }

  @Test
  void load_secondNodeJoinsAfterOtherWork_changesNothing() {
    DemoFindings.load(vertx, node()).await();
    Map<String, List<String>> loaded = contents();
    otherWork();

    DemoFindings.load(vertx, node()).await();

    assertEquals(loaded, contents());
  }

  @Test
  void load_twoNodesAtOnce_storesOneCopy() {
    Future.all(DemoFindings.load(vertx, node()), DemoFindings.load(vertx, node())).await();

    Map<String, List<String>> contents = contents();

    COLLECTIONS.forEach(name -> assertEquals(3, contents.get(name).size(), name));
  }

  @Test
  void load_afterATicketWasLinked_keepsTheLink() {
    TestingIssueId id = DemoFindings.ids().get(1);
    PlatformStore first = node();
    DemoFindings.load(vertx, first).await();
    first.linkTicket(DemoFindings.ACCOUNT, id, LINK).await();

    DemoFindings.load(vertx, node()).await();

    Finding finding = first.finding(DemoFindings.ACCOUNT, id).await();
    assertEquals(LINK.url(), finding.existingTicketUrl());
  }

  @Test
  void linkTicket_afterOtherWork_updatesEachIssueOnce() {
    PlatformStore node = node();
    DemoFindings.load(vertx, node).await();
    otherWork();

    for (TestingIssueId id : DemoFindings.ids()) {
      node.linkTicket(DemoFindings.ACCOUNT, id, LINK).await();
    }

    for (TestingIssueId id : DemoFindings.ids()) {
      List<Document> matching = issues(PlatformStore.filter(id.issueFilter()));
      assertEquals(1, matching.size(), id.subject());
      assertEquals(LINK.url(), matching.get(0).getString("jiraIssueUrl"));
    }
    assertEquals(3, issues(Filters.empty()).size());
  }

  private PlatformStore node() {
    PlatformStore node = new PlatformStore(vertx, store.connectionString());
    nodes.add(node);
    return node;
  }

  /** Writes a few MB elsewhere in the store, so that its page cache turns over. */
  private void otherWork() {
    var other = node().database(2_000_000L).getCollection("other_work");
    String padding = "x".repeat(2_000);
    for (int batch = 0; batch < 20; batch++) {
      int first = batch * 100;
      List<Document> docs =
          IntStream.range(first, first + 100)
              .mapToObj(i -> new Document("n", i).append("padding", padding))
              .toList();
      Publishers.first(vertx, other.insertMany(docs)).await();
    }
  }

  private List<Document> issues(org.bson.conversions.Bson filter) {
    var issues = node().database(DemoFindings.ACCOUNT).getCollection(PlatformStore.ISSUES);
    return Publishers.all(vertx, issues.find(filter)).await();
  }

  /** Each collection's documents as JSON, sorted. */
  private Map<String, List<String>> contents() {
    var db = node().database(DemoFindings.ACCOUNT);
    Map<String, List<String>> contents = new TreeMap<>();
    for (String name : COLLECTIONS) {
      List<Document> docs = Publishers.all(vertx, db.getCollection(name).find()).await();
      contents.put(name, docs.stream().map(Document::toJson).sorted().toList());
    }
    return contents;
  }
}
