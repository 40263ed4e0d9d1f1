package com.apisec.gateway.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Holds calls to the Jira Data Center stand-in to Jira Software Data Center 10.3's published
 * OpenAPI document (swagger-request-validator), checks that every description is a string (wiki
 * markup, never ADF), and that uploads carry a part named {@code file}.
 *
 * <p>The document is used as published with two allowances, both for defects of the document, not
 * of the calls:
 *
 * <ul>
 *   <li>{@code IssueUpdateBean.fields} declares every field value as an object, so a string {@code
 *       summary} or {@code description} or an array of {@code labels} would fail; its values are
 *       relaxed to any JSON. Nothing else of the schema is relaxed.
 *   <li>Operations declare only HTTP Basic, while Data Center takes a personal access token as
 *       {@code Bearer}; the validator's security messages are ignored, and the stand-in checks the
 *       token itself.
 * </ul>
 *
 * <p>The document repeats eight operationIds, which the validator's own loader refuses; the model
 * is parsed here with swagger-parser and handed over instead.
 */
public final class JiraDataCenterContractCheck implements RequestCheck {
  static final String OPENAPI = "jira-datacenter/jira_software_dc_10003_swagger.v3.json";
  private static final String VENDOR = "jira-dc";

  private static volatile OpenApiInteractionValidator validator;

  private JiraDataCenterContractCheck() {}

  /** The check, with its validator built; skips the test when the contract is absent. */
  public static JiraDataCenterContractCheck load() {
    Path openApi = ContractFiles.require(OPENAPI);
    if (validator == null) {
      build(openApi);
    }
    return new JiraDataCenterContractCheck();
  }

  private static synchronized void build(Path openApi) {
    if (validator != null) {
      return;
    }
    if (LoggerFactory.getLogger("com.atlassian.oai.validator") instanceof Logger logger) {
      logger.setLevel(Level.WARN);
    }
    OpenApiInteractionValidator built =
        OpenApiInteractionValidator.createFor(relaxed(parse(openApi)))
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    built.validateRequest(
        SimpleRequest.Builder.post("/rest/api/2/issue")
            .withContentType("application/json")
            .withBody(new JsonObject().put("fields", new JsonObject()).encode())
            .build());
    validator = built;
  }

  private static OpenAPI parse(Path openApi) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    OpenAPI api = new OpenAPIParser().readLocation(openApi.toString(), null, options).getOpenAPI();
    if (api == null) {
      throw new IllegalStateException("the Jira Data Center contract could not be parsed");
    }
    return api;
  }

  /** The one allowance in the schemas: {@code IssueUpdateBean.fields} takes any JSON values. */
  static OpenAPI relaxed(OpenAPI api) {
    Schema<?> bean = api.getComponents().getSchemas().get("IssueUpdateBean");
    ((Schema<?>) bean.getProperties().get("fields")).setAdditionalProperties(true);
    return api;
  }

  @Override
  public List<String> violations(String vendor, RecordedRequest request) {
    if (!vendor.equals(VENDOR)) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    ValidationReport report = validator.validateRequest(toSrv(request));
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        found.add(message.getKey() + ": " + message.getMessage());
      }
    }
    descriptions(request).forEach(d -> notWiki(d.getKey(), d.getValue()).ifPresent(found::add));
    if (isUpload(request)
        && request.parts().stream().noneMatch(p -> p.isFile() && p.name().equals("file"))) {
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
    if (request.bodyText() != null && !request.multipart()) {
      builder.withBody(request.bodyText());
    }
    return builder.build();
  }

  /** Each description sent: one for a create, one per element for a bulk. */
  private static List<Map.Entry<String, Object>> descriptions(RecordedRequest request) {
    List<Map.Entry<String, Object>> out = new ArrayList<>();
    if (!request.method().equals("POST") || !(request.body() instanceof JsonObject body)) {
      return out;
    }
    if (request.path().equals("/rest/api/2/issue")) {
      description(body, "fields.description", out);
    } else if (request.path().equals("/rest/api/2/issue/bulk")
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

  private static Optional<String> notWiki(String where, Object description) {
    if (description instanceof String) {
      return Optional.empty();
    }
    return Optional.of(where + " must be a wiki-markup string on Data Center");
  }

  private static boolean isUpload(RecordedRequest request) {
    return request.method().equals("POST")
        && request.path().toLowerCase(Locale.ROOT).matches("/rest/api/2/issue/[^/]+/attachments");
  }
}
