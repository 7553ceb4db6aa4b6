package com.nettoria.command.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.axonframework.modelling.command.AggregateScopeDescriptor;

import java.io.IOException;

/**
 * How a persistent deadline names the aggregate it belongs to (the Order's payment due, the VM's backup slots).
 * Axon stores the deadline's {@link AggregateScopeDescriptor} with the messages' Jackson serializer and, when the
 * deadline is due, loads the aggregate by {@code identifier.toString()}. Our identifiers are one-field records
 * ({@code VmId}), which Jackson writes as {@code {"value": ...}} and reads back as a map: the aggregate was then
 * looked up as {@code "{value=...}"}, not found, and the deadline dropped without a word (Axon logs it at debug).
 * This module writes the identifier as its {@code toString()} — the raw id, as for every id record — and reads
 * both that and the {@code {"value": ...}} form of deadlines stored before, so that those fire as well.
 */
public final class AggregateDeadlineScopes {

    private AggregateDeadlineScopes() {
    }

    /** The Jackson module (Spring Boot adds every {@link Module} bean to the ObjectMapper Axon serializes with). */
    public static Module module() {
        SimpleModule module = new SimpleModule("nettoria-aggregate-deadline-scopes");
        module.setMixInAnnotation(AggregateScopeDescriptor.class, ScopeMixin.class);
        return module;
    }

    abstract static class ScopeMixin {

        @JsonCreator
        ScopeMixin(@JsonProperty("type") String type,
                   @JsonProperty("identifier") @JsonDeserialize(using = RawIdentifier.class) Object identifier) {
        }

        @JsonSerialize(using = ToStringSerializer.class)
        abstract Object getIdentifier();
    }

    /** The raw id: a JSON string as it is, the one field of an id record's object ({@code {"value": ...}}). */
    static final class RawIdentifier extends JsonDeserializer<Object> {

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            if (node.isObject() && node.size() == 1) {
                node = node.elements().next();
            }
            return node.isValueNode() ? node.asText() : node.toString();
        }
    }
}
