package com.nettoria.ui.support;

import com.nettoria.coreapi.catalogue.VcenterPlacement;

import java.util.List;

/**
 * What the demo catalogue ({@code nettoria.catalogue.demo=true}, {@code DemoCatalogue} of the command side,
 * docs/catalogue.md) offers, for tests that order from it: its ids, sizes and prices in IRR, and where its
 * datacenter puts VMs in VMware's vCenter simulator. The simulator's templates have 1 vCPU, 1024 MiB and a
 * 10 GiB disk, so a provisioned VM of {@link #STANDARD_2} differs from its template in every dimension.
 */
public final class DemoCatalogueIds {

    public static final String CURRENCY = "IRR";
    public static final String DATACENTER = "tehran-1";
    public static final String DEBIAN = "debian-12";
    public static final String UBUNTU = "ubuntu-24-04";

    /** 1 vCPU, 1024 MiB, 20 GiB: 5,000 IRR an hour, 3,650,000 a month. */
    public static final String BASIC_1 = "basic-1";
    public static final String BASIC_1_MONTHLY = "3650000.00";
    public static final int BASIC_1_DISK_GIB = 20;

    /** 2 vCPUs, 4096 MiB, 60 GiB: 15,000 IRR an hour, 10,950,000 a month. */
    public static final String STANDARD_2 = "standard-2";
    public static final String STANDARD_2_MONTHLY = "10950000.00";
    public static final int STANDARD_2_VCPUS = 2;
    public static final int STANDARD_2_MEMORY_MIB = 4096;
    public static final int STANDARD_2_DISK_GIB = 60;

    /** Custom sizes: monthly 2,200,000 IRR per vCPU, 1,100,000 per GiB of memory, 45,000 per GiB of disk. */
    public static final int CUSTOM_MAX_VCPUS = 16;
    /** Paying three months in advance. */
    public static final String QUARTERLY_DISCOUNT_PERCENT = "5";

    /** The simulator's inventory that datacenter {@link #DATACENTER} is placed on. */
    public static final String VCENTER_DATACENTER = "DC0";
    public static final List<String> VCENTER_DATASTORES = List.of("LocalDS_0", "LocalDS_1");
    public static final VcenterPlacement PLACEMENT = new VcenterPlacement(VCENTER_DATACENTER, "DC0_C0", null, null,
            VCENTER_DATASTORES, List.of("DC0_DVPG0"));

    private DemoCatalogueIds() {
    }
}
