package com.apisec.gateway.proofs;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.util.List;
import java.util.TreeMap;

/** Every document of some databases, to compare a store before and after a request. */
final class StoreSnapshot {
  private StoreSnapshot() {}

  static JsonObject take(Vertx vertx, String uri, List<String> databases) {
    JsonObject out = new JsonObject();
    for (String database : databases) {
      MongoClient client =
          MongoClient.create(
              vertx, new JsonObject().put("connection_string", uri).put("db_name", database));
      try {
        TreeMap<String, JsonArray> collections = new TreeMap<>();
        for (String name : client.getCollections().await()) {
          collections.put(name, new JsonArray(client.find(name, new JsonObject()).await()));
        }
        out.put(database, new JsonObject(new java.util.LinkedHashMap<>(collections)));
      } finally {
        client.close();
      }
    }
    return out;
  }
}
