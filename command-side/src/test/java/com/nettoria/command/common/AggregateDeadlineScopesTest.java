package com.nettoria.command.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nettoria.coreapi.vm.VmId;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A persistent deadline's aggregate scope, as Axon's Jackson serializer stores and reads it. */
class AggregateDeadlineScopesTest {

    private static final String VM = "eabb83f9-b694-3a10-8e39-0b3530cabdcf";

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(AggregateDeadlineScopes.module())).build();

    @Test
    void anIdRecordIsStoredAsItsRawIdAndReadBackAsTheIdTheAggregateIsLoadedBy() {
        SerializedObject<String> stored = serializer.serialize(
                new AggregateScopeDescriptor("VirtualMachine", new VmId(VM)), String.class);

        assertThat(stored.getData()).isEqualTo("{\"type\":\"VirtualMachine\",\"identifier\":\"" + VM + "\"}");
        AggregateScopeDescriptor read = serializer.deserialize(stored);
        assertThat(read.getType()).isEqualTo("VirtualMachine");
        assertThat(read.getIdentifier().toString()).isEqualTo(VM);
    }

    @Test
    void aDeadlineStoredBeforeWithTheRecordsObjectFindsItsAggregateToo() {
        AggregateScopeDescriptor read = serializer.getObjectMapper().convertValue(
                Map.of("type", "Order", "identifier", Map.of("value", VM)),
                AggregateScopeDescriptor.class);

        assertThat(read.getIdentifier().toString()).isEqualTo(VM);
    }

    @Test
    void withoutTheModuleTheAggregateWasLookedUpByItsObjectsText() {
        ObjectMapper plain = new ObjectMapper();
        AggregateScopeDescriptor read = plain.convertValue(plain.convertValue(
                new AggregateScopeDescriptor("VirtualMachine", new VmId(VM)), Map.class),
                AggregateScopeDescriptor.class);

        assertThat(read.getIdentifier().toString()).isEqualTo("{value=" + VM + "}");
    }
}
