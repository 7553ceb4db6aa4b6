package com.nettoria.coreapi.capacity;

/**
 * What a vCenter cluster holds and uses now, asked of vCenter itself (answered by the command side, which talks to
 * vCenter): answers a {@link VcenterCapacityView}; fails with a {@code vcenter.*} error when vCenter cannot answer.
 */
public record FindVcenterCapacityQuery(String vcenterDatacenter, String cluster) {
}
