package com.apisec.gateway.api;

import com.apisec.gateway.api.Operation.Access;
import com.apisec.gateway.api.Operation.Feature;
import java.util.Map;

/** Who sent a request, read from a verified token. */
public record Caller(
    long accountId, String subject, String role, Map<Feature, Access> permissions) {
  public Caller {
    permissions = Map.copyOf(permissions);
  }

  /** A feature missing from the token counts as no access. */
  public boolean may(Feature feature, Access needed) {
    return permissions.getOrDefault(feature, Access.NO_ACCESS).covers(needed);
  }
}
