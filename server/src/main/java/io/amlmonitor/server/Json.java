package io.amlmonitor.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.MerchantId;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.TransactionId;
import java.io.IOException;

/**
 * The JSON conventions of the API: snake_case names, ISO-8601 instants, typed ids as plain strings,
 * money as a decimal number, unknown fields ignored.
 */
public final class Json {
  private Json() {}

  public static ObjectMapper mapper() {
    SimpleModule domain = new SimpleModule("aml-domain");
    domain.addSerializer(TransactionId.class, ToStringSerializer.instance);
    domain.addSerializer(CustomerId.class, ToStringSerializer.instance);
    domain.addSerializer(MerchantId.class, ToStringSerializer.instance);
    domain.addSerializer(
        Money.class,
        new StdSerializer<>(Money.class) {
          @Override
          public void serialize(Money value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeNumber(value.toBigDecimal());
          }
        });
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(domain)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }
}
