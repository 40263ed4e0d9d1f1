package com.apisec.gateway.sandbox.jira;

import io.vertx.ext.web.RoutingContext;

/** The addresses a stand-in writes into its answers, on the site the caller addressed. */
record Links(String base, JiraFlavor flavor) {
  static Links of(RoutingContext ctx, JiraFlavor flavor) {
    return new Links(JiraReplies.base(ctx), flavor);
  }

  /** A REST resource's address, e.g. {@code https://site/rest/api/3/issue/10000}. */
  String api(String resource) {
    return base + flavor.path(resource);
  }

  /** Any other address on the site, such as an icon. */
  String site(String path) {
    return base + path;
  }
}
