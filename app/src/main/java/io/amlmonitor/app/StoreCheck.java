package io.amlmonitor.app;

import io.amlmonitor.app.config.RedisSettings;
import io.amlmonitor.app.config.Settings;
import io.amlmonitor.core.store.StoreException;
import io.amlmonitor.core.store.StoreUnavailableException;
import io.amlmonitor.jdbc.Database;
import io.amlmonitor.jdbc.DatabaseConfig;
import io.amlmonitor.jdbc.DatabaseStatus;
import java.io.PrintStream;
import java.nio.file.Files;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Checks every configured store, prints what it found, and says whether all are usable: the SQL
 * store reachable with its schema up to date, and Redis answering when {@code REDIS_HOST} is set.
 */
final class StoreCheck {
  private final Settings settings;
  private final PrintStream out;
  private final AppMessages msg;

  StoreCheck(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
    this.msg = new AppMessages(settings.locale());
  }

  /**
   * Runs the checks; with {@code migrate}, applies pending migrations first.
   *
   * @return 0 when every store is usable, 1 otherwise
   */
  int run(boolean migrate) {
    boolean sqlOk = checkSql(migrate);
    boolean redisOk = settings.redis() == null || checkRedis(settings.redis());
    boolean ok = sqlOk && redisOk;
    out.println(msg.get(ok ? "dbcheck.ok" : "dbcheck.failed"));
    return ok ? 0 : 1;
  }

  private boolean checkSql(boolean migrate) {
    DatabaseConfig config = SqlStores.config(settings);
    out.println(msg.get("dbcheck.sql", config.describe()));
    DatabaseStatus status;
    try {
      if (migrate) {
        try (Database db = Database.open(config)) {
          status = db.status();
        }
      } else {
        status = Database.inspect(config);
      }
    } catch (StoreUnavailableException e) {
      if (config instanceof DatabaseConfig.Embedded embedded && !Files.exists(embedded.file())) {
        out.println(msg.get("dbcheck.noEmbedded", embedded.file().toString()));
      } else {
        out.println(msg.get("dbcheck.unreachable", e.getMessage()));
      }
      return false;
    } catch (StoreException e) {
      out.println(msg.get("dbcheck.error", e.getMessage()));
      return false;
    }
    out.println(msg.get("dbcheck.server", status.product(), status.productVersion()));
    out.println(
        msg.get(
            "dbcheck.schema",
            status.schemaVersion() == null ? msg.get("dbcheck.none") : status.schemaVersion(),
            status.latestVersion()));
    if (!status.upToDate()) {
      out.println(
          msg.get(
              "dbcheck.behind",
              String.valueOf(status.pending().size()),
              String.join(", ", status.pending())));
      return false;
    }
    return true;
  }

  private boolean checkRedis(RedisSettings redis) {
    String where = redis.host() + ":" + redis.port();
    try {
      out.println(msg.get("dbcheck.redis", where, RedisCheck.version(redis)));
      return true;
    } catch (JedisException e) {
      out.println(msg.get("dbcheck.redisUnreachable", where, rootMessage(e)));
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
