package com.nettoria.command.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden event payloads (a JSON file of event type → payload as the event store keeps it) checked against
 * today's event classes, serialized the way production serializes them: Spring Boot's ObjectMapper with the
 * {@code spring.jackson} settings of command-side.yml and the ui's application.yml (ISO-8601 dates, BigDecimal
 * floats), inside Axon's Jackson serializer.
 */
public final class StoredEventPayloads {

    private final ObjectMapper objectMapper = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .featuresToEnable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(objectMapper).build();
    private final JsonNode stored;

    public StoredEventPayloads(String resource) {
        try (InputStream in = StoredEventPayloads.class.getResourceAsStream(resource)) {
            stored = objectMapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every stored payload deserializes to the expected event. */
    public void assertStoredPayloadsDeserializeTo(Map<Class<?>, Object> expected) throws IOException {
        for (Map.Entry<Class<?>, Object> event : expected.entrySet()) {
            byte[] json = objectMapper.writeValueAsBytes(stored.get(event.getKey().getName()));
            assertThat(read(event.getKey(), json)).as(event.getKey().getSimpleName()).isEqualTo(event.getValue());
        }
    }

    /** Every event serializes to exactly its stored fields (no getter leaking into the payload). */
    public void assertEventsSerializeToStoredPayloads(Map<Class<?>, Object> expected) throws IOException {
        for (Map.Entry<Class<?>, Object> event : expected.entrySet()) {
            JsonNode written = objectMapper.readTree(serializer.serialize(event.getValue(), byte[].class).getData());
            assertThat(written).as(event.getKey().getSimpleName()).isEqualTo(stored.get(event.getKey().getName()));
        }
    }

    /** Reads {@code json} as the event store would hand it over for {@code type}. */
    public Object read(Class<?> type, String json) {
        return read(type, json.getBytes(StandardCharsets.UTF_8));
    }

    private Object read(Class<?> type, byte[] json) {
        return serializer.deserialize(new SimpleSerializedObject<>(json, byte[].class, type.getName(), null));
    }

    public JsonNode stored() {
        return stored;
    }

    /**
     * Every {@code *Event} class of a core-api package has an expected example and a stored payload, so that a new
     * event cannot be added without freezing its first form.
     */
    public void assertCoversEveryEventIn(String corePackage, Map<Class<?>, Object> expected) {
        List<String> events = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(corePackage).stream()
                .filter(type -> type.getPackageName().equals(corePackage))
                .filter(type -> type.getSimpleName().endsWith("Event"))
                .map(JavaClass::getName)
                .toList();
        assertThat(events).isNotEmpty();
        assertThat(expected.keySet()).map(Class::getName).containsExactlyInAnyOrderElementsOf(events);
        assertThat(stored().fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(events);
    }
}
