package com.apisec.gateway.scheduler;

import com.apisec.gateway.core.GatewayException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What identifies a job: the account, the job type (which names the worker's address) and the
 * integration's own key (a webhook id, say; empty when the account has one job of the type). The
 * job id is derived from the three, so saving an integration twice finds the same job.
 */
public record JobKey(long accountId, String type, String key) {
  private static final Pattern TYPE = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");
  private static final int MAX_TYPE = 64;
  private static final int MAX_KEY = 200;

  public JobKey {
    key = key == null ? "" : key;
    if (accountId <= 0) {
      throw GatewayException.invalid("accountId must be a positive integer");
    }
    if (type == null || type.length() > MAX_TYPE || !TYPE.matcher(type).matches()) {
      throw GatewayException.invalid("type must be lowercase words joined by '.' or '-'");
    }
    if (key.length() > MAX_KEY || key.chars().anyMatch(Character::isISOControl)) {
      throw GatewayException.invalid("key must be at most 200 characters without control codes");
    }
  }

  /** The job's id: the same for the same account, type and key, on every node. */
  public String id() {
    String name = accountId + "\n" + type + "\n" + key;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
