package io.amlmonitor.offline;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/**
 * The type of a label column, and the Java values it accepts. Every label may be null (not yet
 * known). Values read back are {@link Boolean}, {@link String}, {@link Long} or {@link Double}.
 */
public enum LabelType {
  /** {@link Boolean}. */
  BOOLEAN("BOOLEAN"),
  /** {@link String}. */
  STRING("VARCHAR"),
  /** {@link Long}, {@link Integer}, {@link Short} or {@link Byte}; read back as {@link Long}. */
  BIGINT("BIGINT"),
  /** {@link Double} or {@link Float}; read back as {@link Double}. */
  DOUBLE("DOUBLE");

  private final String sqlType;

  LabelType(String sqlType) {
    this.sqlType = sqlType;
  }

  /** The DuckDB type of the column, as {@code DESCRIBE} reports it. */
  public String sqlType() {
    return sqlType;
  }

  /** Whether {@code value} may be stored in a column of this type. */
  public boolean accepts(Object value) {
    return value == null
        || switch (this) {
          case BOOLEAN -> value instanceof Boolean;
          case STRING -> value instanceof String;
          case BIGINT ->
              value instanceof Long
                  || value instanceof Integer
                  || value instanceof Short
                  || value instanceof Byte;
          case DOUBLE -> value instanceof Double || value instanceof Float;
        };
  }

  /** Appends a value that {@link #accepts} this type. */
  void append(DuckDBAppender appender, Object value) throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    switch (this) {
      case BOOLEAN -> appender.append((boolean) (Boolean) value);
      case STRING -> appender.append((String) value);
      case BIGINT -> appender.append(((Number) value).longValue());
      case DOUBLE -> appender.append(((Number) value).doubleValue());
    }
  }

  /** Reads the value of column {@code index} (1-based) of the current row; null stays null. */
  Object read(ResultSet rs, int index) throws SQLException {
    Object value =
        switch (this) {
          case BOOLEAN -> rs.getBoolean(index);
          case STRING -> rs.getString(index);
          case BIGINT -> rs.getLong(index);
          case DOUBLE -> rs.getDouble(index);
        };
    return rs.wasNull() ? null : value;
  }
}
