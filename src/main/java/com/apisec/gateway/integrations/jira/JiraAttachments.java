package com.apisec.gateway.integrations.jira;

import com.apisec.gateway.core.BusRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Attaches the request and response samples of a finding to its Jira issue, as one text file. */
final class JiraAttachments {
  private static final Logger LOG = LoggerFactory.getLogger(JiraAttachments.class);

  private final JiraSettingsService settings;
  private final JiraClient client;

  JiraAttachments(JiraSettingsService settings, JiraClient client) {
    this.settings = settings;
    this.client = client;
  }

  Future<JsonObject> attach(BusRequest request) {
    AttachRequest attach = AttachRequest.from(request.body());
    SampleFile.Rendered file = attach.file();
    return settings
        .connection(request.accountId())
        .compose(connection -> client.attach(connection.credentials(), attach.issueKey(), file))
        .map(attachments -> reply(attach.issueKey(), file, attachments));
  }

  private static JsonObject reply(String key, SampleFile.Rendered file, JsonArray attachments) {
    JsonArray ids = new JsonArray();
    for (Object item : attachments) {
      if (item instanceof JsonObject json && json.getValue("id") != null) {
        ids.add(String.valueOf(json.getValue("id")));
      }
    }
    LOG.debug("jira file attached [key: {}, bytes: {}]", key, file.text().length());
    return new JsonObject()
        .put("issueId", key)
        .put("fileName", file.fileName())
        .put("attachmentIds", ids);
  }
}
