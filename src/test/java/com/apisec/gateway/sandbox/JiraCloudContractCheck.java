package com.apisec.gateway.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * Holds calls to the Jira stand-in to Jira Cloud's published contract: the OpenAPI document (path,
 * method, query, headers and body, through swagger-request-validator), the ADF schema for every
 * {@code fields.description}, and, since the OpenAPI document cannot say it, a part named {@code
 * file} in attachment uploads.
 *
 * <p>The validators are built once per test JVM, on first use; that takes a second or more, so call
 * {@link #load()} from the test thread before the sandbox starts.
 */
public final class JiraCloudContractCheck implements RequestCheck {
  static final String OPENAPI = "jira-cloud/swagger-v3.v3.json";
  static final String ADF_SCHEMA = "jira-cloud/adf-schema-v1-full.json";

  private static volatile Validators validators;
  private static final Map<String, List<String>> VERDICTS = new ConcurrentHashMap<>();

  private record Validators(OpenApiInteractionValidator openApi, Validator adf) {}

  private JiraCloudContractCheck() {}

  /** The check, with its validators built; skips the test when the contracts are absent. */
  public static JiraCloudContractCheck load() {
    Path openApi = ContractFiles.require(OPENAPI);
    Path adf = ContractFiles.require(ADF_SCHEMA);
    if (validators == null) {
      build(openApi, adf);
    }
    return new JiraCloudContractCheck();
  }

  private static synchronized void build(Path openApi, Path adf) {
    if (validators != null) {
      return;
    }
    quietValidatorLog();
    OpenApiInteractionValidator api =
        OpenApiInteractionValidator.createFor(openApi.toString()).withResolveRefs(false).build();
    JsonSchemaOptions options =
        new JsonSchemaOptions()
            .setDraft(Draft.DRAFT4)
            .setBaseUri("https://sandbox.invalid/adf/")
            .setOutputFormat(OutputFormat.Basic);
    Validator adfValidator = Validator.create(JsonSchema.of(read(adf)), options);
    warmUp(api, adfValidator);
    validators = new Validators(api, adfValidator);
  }

  /** The first validation compiles the schemas it meets; do it now, not in the first test. */
  private static void warmUp(OpenApiInteractionValidator api, Validator adf) {
    JsonObject doc = new JsonObject().put("type", "doc").put("version", 1);
    api.validateRequest(
        SimpleRequest.Builder.post("/rest/api/3/issue")
            .withContentType("application/json")
            .withBody(new JsonObject().put("fields", new JsonObject()).encode())
            .build());
    adf.validate(doc.put("content", new JsonArray()));
  }

  /** The validator logs at INFO, on every call, each feature of the spec it skips. */
  private static void quietValidatorLog() {
    if (LoggerFactory.getLogger("com.atlassian.oai.validator") instanceof Logger logger) {
      logger.setLevel(Level.WARN);
    }
  }

  @Override
  public List<String> violations(String vendor, RecordedRequest request) {
    if (!vendor.equals("jira")) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    ValidationReport report = validators.openApi().validateRequest(toSrv(request));
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        found.add(message.getKey() + ": " + message.getMessage());
      }
    }
    descriptions(request).forEach(d -> found.addAll(adfProblems(d.getValue(), d.getKey())));
    if (isAttachmentUpload(request) && noFilePart(request)) {
      found.add("attachment upload has no file in a part named 'file'");
    }
    return found;
  }

  private static Request toSrv(RecordedRequest request) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.path());
    for (Map.Entry<String, Object> header : request.headers()) {
      builder.withHeader(header.getKey(), String.valueOf(header.getValue()));
    }
    if (request.query() != null && !request.query().isEmpty()) {
      new QueryStringDecoder(request.query(), false).parameters().forEach(builder::withQueryParam);
    }
    String body = request.bodyText();
    if (body != null) {
      builder.withBody(body);
    }
    return builder.build();
  }

  /** Each description sent, by where it is: one for a create, one per element for a bulk. */
  private static List<Map.Entry<String, Object>> descriptions(RecordedRequest request) {
    List<Map.Entry<String, Object>> out = new ArrayList<>();
    if (!request.method().equals("POST") || !(request.body() instanceof JsonObject body)) {
      return out;
    }
    if (request.path().equals("/rest/api/3/issue")) {
      description(body, "fields.description", out);
    } else if (request.path().equals("/rest/api/3/issue/bulk")
        && body.getValue("issueUpdates") instanceof JsonArray updates) {
      for (int i = 0; i < updates.size(); i++) {
        if (updates.getValue(i) instanceof JsonObject update) {
          description(update, "issueUpdates[" + i + "].fields.description", out);
        }
      }
    }
    return out;
  }

  private static void description(
      JsonObject update, String where, List<Map.Entry<String, Object>> out) {
    if (update.getValue("fields") instanceof JsonObject fields
        && fields.getValue("description") != null) {
      out.add(Map.entry(where, fields.getValue("description")));
    }
  }

  /**
   * The ADF schema constrains a document's structure; of its strings it asks only that a text is
   * not empty (and that a colour is a hex code). Two documents that differ only in their texts and
   * links therefore get the same verdict, so verdicts are kept by structure: a bulk create of fifty
   * findings' descriptions is validated once, not fifty times.
   */
  private static List<String> adfProblems(Object document, String where) {
    String structure = structure(document).toString();
    List<String> known = VERDICTS.get(structure);
    if (known == null) {
      known = validate(document);
      if (VERDICTS.size() < 10_000) {
        VERDICTS.put(structure, known);
      }
    }
    return known.stream().map(problem -> "ADF " + where + problem).toList();
  }

  /** The document with every non-empty text and link target replaced by "x". */
  static Object structure(Object value) {
    if (value instanceof JsonObject json) {
      JsonObject out = new JsonObject();
      for (Map.Entry<String, Object> entry : json) {
        boolean textual = entry.getKey().equals("text") || entry.getKey().equals("href");
        Object child = entry.getValue();
        out.put(
            entry.getKey(),
            textual && child instanceof String s && !s.isEmpty() ? "x" : structure(child));
      }
      return out;
    }
    if (value instanceof JsonArray array) {
      JsonArray out = new JsonArray();
      array.forEach(item -> out.add(structure(item)));
      return out;
    }
    return value;
  }

  private static List<String> validate(Object document) {
    OutputUnit result;
    // Checks may run on several workers at once; the schema validator is not documented as safe.
    synchronized (validators.adf()) {
      result = validators.adf().validate(document);
    }
    if (Boolean.TRUE.equals(result.getValid())) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    List<OutputUnit> errors = result.getErrors() == null ? List.of() : result.getErrors();
    errors.stream()
        .limit(5)
        .forEach(e -> problems.add(e.getInstanceLocation() + ": " + e.getError()));
    if (problems.isEmpty()) {
      problems.add(" is not a valid document");
    }
    return List.copyOf(problems);
  }

  private static boolean isAttachmentUpload(RecordedRequest request) {
    return request.method().equals("POST")
        && request.path().toLowerCase(Locale.ROOT).matches("/rest/api/3/issue/[^/]+/attachments");
  }

  private static boolean noFilePart(RecordedRequest request) {
    return request.parts().stream().noneMatch(p -> p.isFile() && p.name().equals("file"));
  }

  private static JsonObject read(Path path) {
    try {
      return new JsonObject(Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
