package main

// A simulated guest agent: the simulator leaves a powered-on VM's quick stats at zero and never reports a guest IP
// or running VMware Tools. guestAgent fills them in the simulator's model, under the registry's lock for each
// object, like the figures a real vCenter gets from ESXi and VMware Tools:
//   - from power-on, quickStats grow: uptimeSeconds, overallCpuUsage/Demand, guestMemoryUsage, hostMemoryUsage;
//   - ipDelay after power-on (0: at once) VMware Tools run and the guest has an IP, 10.20.x.y from its name's hash;
//   - powered off or suspended, all of it is cleared again;
//   - with overrideFree, every datastore reports freeBytes free (at most its capacity).
// update() runs after every /sdk call (before the answer is sent) and every tick of run().

import (
	"fmt"
	"hash/fnv"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

type guestAgent struct {
	ipDelay      time.Duration
	overrideFree bool
	freeBytes    int64
}

// run calls update every interval until the returned channel is closed.
func (g *guestAgent) run(interval time.Duration) chan struct{} {
	stop := make(chan struct{})
	go func() {
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				g.update()
			}
		}
	}()
	return stop
}

func (g *guestAgent) update() {
	now := time.Now()
	for _, e := range simulator.Map.All("VirtualMachine") {
		if vm, ok := e.(*simulator.VirtualMachine); ok {
			simulator.Map.WithLock(vm, func() { g.updateVM(vm, now) })
		}
	}
	if g.overrideFree {
		for _, e := range simulator.Map.All("Datastore") {
			if ds, ok := e.(*simulator.Datastore); ok {
				simulator.Map.WithLock(ds, func() { g.updateDatastore(ds) })
			}
		}
	}
}

func (g *guestAgent) updateVM(vm *simulator.VirtualMachine, now time.Time) {
	if vm.Config == nil || vm.Config.Template {
		return
	}
	boot := vm.Summary.Runtime.BootTime
	if vm.Runtime.PowerState != types.VirtualMachinePowerStatePoweredOn || boot == nil {
		vm.Summary.QuickStats = types.VirtualMachineQuickStats{GuestHeartbeatStatus: types.ManagedEntityStatusGray}
		vm.GuestHeartbeatStatus = types.ManagedEntityStatusGray
		g.setGuest(vm, "", false)
		return
	}
	if vm.Runtime.BootTime == nil {
		vm.Runtime.BootTime = boot
	}
	h := nameHash(vm.Name)
	up := now.Sub(*boot)
	if up < 0 {
		up = 0
	}
	memory := vm.Config.Hardware.MemoryMB
	cpu := int32(80+h%320) + int32(up/time.Second%7)*15 // MHz, a little movement from second to second
	qs := &vm.Summary.QuickStats
	qs.UptimeSeconds = int32(up / time.Second)
	qs.OverallCpuUsage = cpu
	qs.OverallCpuDemand = cpu
	qs.GuestMemoryUsage = memory * int32(20+h%30) / 100
	qs.HostMemoryUsage = memory * int32(50+h%30) / 100
	qs.GrantedMemory = memory
	qs.ConsumedOverheadMemory = 30
	toolsUp := up >= g.ipDelay
	if toolsUp {
		qs.GuestHeartbeatStatus = types.ManagedEntityStatusGreen
	} else {
		qs.GuestHeartbeatStatus = types.ManagedEntityStatusGray
	}
	vm.GuestHeartbeatStatus = qs.GuestHeartbeatStatus
	ip := ""
	if toolsUp {
		ip = fmt.Sprintf("10.20.%d.%d", (h>>8)&0xff, 1+(h&0xff)%254)
	}
	g.setGuest(vm, ip, toolsUp)
}

func (g *guestAgent) setGuest(vm *simulator.VirtualMachine, ip string, toolsUp bool) {
	if vm.Guest == nil {
		vm.Guest = new(types.GuestInfo)
	}
	if vm.Summary.Guest == nil {
		vm.Summary.Guest = new(types.VirtualMachineGuestSummary)
	}
	running, status, state, host := "guestToolsNotRunning", types.VirtualMachineToolsStatusToolsNotRunning, "notRunning", ""
	if toolsUp {
		running, status, state, host = "guestToolsRunning", types.VirtualMachineToolsStatusToolsOk, "running", vm.Name
	}
	vm.Guest.ToolsRunningStatus = running
	vm.Guest.ToolsStatus = status
	vm.Guest.GuestState = state
	vm.Guest.IpAddress = ip
	vm.Guest.HostName = host
	for i := range vm.Guest.Net {
		vm.Guest.Net[i].IpAddress = nil
		if ip != "" && i == 0 {
			vm.Guest.Net[i].IpAddress = []string{ip}
		}
	}
	vm.Summary.Guest.ToolsRunningStatus = running
	vm.Summary.Guest.ToolsStatus = status
	vm.Summary.Guest.IpAddress = ip
	vm.Summary.Guest.HostName = host
}

func (g *guestAgent) updateDatastore(ds *simulator.Datastore) {
	free := g.freeBytes
	if ds.Summary.Capacity > 0 && free > ds.Summary.Capacity {
		free = ds.Summary.Capacity
	}
	ds.Summary.FreeSpace = free
	if info := ds.Info.GetDatastoreInfo(); info != nil {
		info.FreeSpace = free
		info.MaxFileSize = free
	}
}

func nameHash(name string) uint32 {
	f := fnv.New32a()
	_, _ = f.Write([]byte(name))
	return f.Sum32()
}
