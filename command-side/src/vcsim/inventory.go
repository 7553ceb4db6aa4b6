package main

// Figures the simulator gets wrong, corrected once after setup so that they read as a real vCenter's:
// govmomi 0.24.2 sums a cluster's CPU as one core per host (TotalCpu += CpuMhz) and reports EffectiveMemory in
// bytes, where vCenter sums cpuMhz x numCpuCores and reports effectiveMemory in MB. Effective figures are the totals
// (simulated hosts are all connected and have no service-console overhead).

import (
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

func correctComputeResourceSummaries() {
	for _, kind := range []string{"ClusterComputeResource", "ComputeResource"} {
		for _, e := range simulator.Map.All(kind) {
			simulator.Map.WithLock(e, func() {
				var cr *mo.ComputeResource
				switch x := e.(type) {
				case *simulator.ClusterComputeResource:
					cr = &x.ComputeResource
				case *mo.ComputeResource:
					cr = x
				}
				if cr == nil || cr.Summary == nil {
					return
				}
				s := cr.Summary.GetComputeResourceSummary()
				var cpu int32
				var memory int64
				for _, ref := range cr.Host {
					host, ok := simulator.Map.Get(ref).(*simulator.HostSystem)
					if !ok || host.Summary.Hardware == nil {
						continue
					}
					cpu += host.Summary.Hardware.CpuMhz * int32(host.Summary.Hardware.NumCpuCores)
					memory += host.Summary.Hardware.MemorySize
				}
				s.TotalCpu = cpu
				s.TotalMemory = memory
				s.EffectiveCpu = cpu
				s.EffectiveMemory = memory >> 20
				s.OverallStatus = types.ManagedEntityStatusGreen
			})
		}
	}
}
