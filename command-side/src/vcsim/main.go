// nettoria-vcsim: starts govmomi's vCenter simulator (VPX model) on a loopback TLS port, answering like a real
// vCenter answers a client of an older API version (rewrite.go), with a simulated guest agent (guest.go), slow
// tasks on request (tasks.go) and cluster figures in vCenter's units (inventory.go). README.md beside this file says how to build and run it.
package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/vmware/govmomi"
	"github.com/vmware/govmomi/find"
	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// sinceBesideBinary: build.sh copies vim25-since.json next to the binary; "-since auto" finds it there.
const sinceBesideBinary = "auto"

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "loopback host:port to listen on (port 0 = free port)")
	user := flag.String("user", "user", "login user name (only this user/password pair can log in)")
	pass := flag.String("pass", "pass", "login password")
	dc := flag.Int("dc", 1, "datacenters")
	clusters := flag.Int("cluster", 1, "clusters per datacenter")
	hosts := flag.Int("host", 3, "hosts per cluster")
	standalone := flag.Int("standalone-host", 0, "standalone hosts per datacenter")
	ds := flag.Int("ds", 2, "datastores")
	vms := flag.Int("vm", 0, "ordinary (powered-off) VMs per resource pool, besides the templates")
	templates := flag.String("templates", "debian-12", "comma-separated template names made in every datacenter (empty = none)")
	templateDisk := flag.Int("template-disk-gib", 10, "size of each template's disk in GiB (0 = the simulator's 1 MiB)")
	templateMemory := flag.Int("template-memory-mib", 1024, "memory of each template in MiB (0 = the simulator's 32 MiB)")
	guestIPDelay := flag.Duration("guest-ip-delay", 2*time.Second, "how long after power-on VMware Tools run and the guest IP appears (0 = at once)")
	freeGiB := flag.Int64("datastore-free-gib", -1, "report this much free space on every datastore (-1 = the simulator's own figure)")
	taskDelay := flag.Duration("task-delay", 0, "every task started through the API reports 'running' this long before its result")
	callDelay := flag.Duration("call-delay", 0, "every SOAP call is answered this late (govmomi's Model.DelayConfig)")
	certOut := flag.String("cert-out", "", "write the server's PEM certificate here (for a per-connection trust store)")
	trace := flag.Bool("trace", false, "log SOAPAction of every /sdk request")
	sinceFile := flag.String("since", sinceBesideBinary, "vim25-since.json: re-serialize /sdk answers for the client's API version "+
		"('auto' = the copy beside this binary, 'off' = answer every client as 6.5)")
	flag.StringVar(&defaultAPI, "default-api", defaultAPI, "API version assumed when SOAPAction carries none")
	flag.Parse()

	start := time.Now()
	if path := sincePath(*sinceFile); path != "" {
		if err := loadSince(path); err != nil {
			log.Fatalf("since: %v", err)
		}
	}
	names := templateNames(*templates)

	model := simulator.VPX()
	model.Datacenter = *dc
	model.Cluster = *clusters
	model.ClusterHost = *hosts
	model.Host = *standalone
	model.Datastore = *ds
	model.Machine = *vms + len(names) // the first len(names) VMs of each datacenter become its templates
	model.Autostart = false           // VMs start powered off (templating needs poweredOff)
	if err := model.Create(); err != nil {
		log.Fatalf("model create: %v", err)
	}
	model.Service.Listen = &url.URL{Host: *listen, User: url.UserPassword(*user, *pass)}
	model.Service.TLS = new(tls.Config) // simulator's built-in localhost cert (127.0.0.1, ::1)
	srv := model.Service.NewServer()

	guest := &guestAgent{ipDelay: *guestIPDelay, freeBytes: *freeGiB << 30, overrideFree: *freeGiB >= 0}
	tasks := &slowTasks{delay: *taskDelay}

	// Hook point: the simulator's http.Server handler (its ServeMux, /sdk -> Service.ServeSDK).
	// Replaced before the URL is published, so no request has been served yet.
	inner := srv.Config.Handler
	srv.Config.Handler = sdkFilter(inner, *trace, guest, tasks)

	made, err := makeTemplates(srv.URL, names, int64(*templateDisk)<<20, int64(*templateMemory))
	if err != nil {
		log.Fatalf("templates: %v", err)
	}
	if *certOut != "" {
		if err := writeCertificate(srv, *certOut); err != nil {
			log.Fatalf("cert-out: %v", err)
		}
	}
	correctComputeResourceSummaries()
	guest.update()
	tasks.enable() // the setup's own calls and tasks above were not delayed
	if *callDelay > 0 {
		// read by the server through a pointer to the model's field (Model.Service.delay = &Model.DelayConfig)
		model.DelayConfig.Delay = int(callDelay.Milliseconds())
	}
	stopGuest := guest.run(250 * time.Millisecond)

	for _, t := range made {
		fmt.Printf("VCSIM_TEMPLATE=%s\n", t)
	}
	fmt.Printf("VCSIM_URL=%s\n", srv.URL.String())
	fmt.Printf("VCSIM_HOST=%s\nVCSIM_USER=%s\nVCSIM_PASS=%s\n", srv.URL.Host, *user, *pass)
	fmt.Printf("VCSIM_STARTUP_MS=%d\n", time.Since(start).Milliseconds())
	fmt.Println("VCSIM_READY")
	_ = os.Stdout.Sync()

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig
	close(stopGuest)
	srv.Close()
	model.Remove()
}

// sincePath resolves the -since flag: "off" or "" = no re-serializing, "auto" = vim25-since.json beside the binary
// (off, with a warning, when there is none), anything else = that file.
func sincePath(flagValue string) string {
	switch flagValue {
	case "", "off":
		return ""
	case sinceBesideBinary:
		exe, err := os.Executable()
		if err == nil {
			candidate := filepath.Join(filepath.Dir(exe), "vim25-since.json")
			if _, err = os.Stat(candidate); err == nil {
				return candidate
			}
		}
		log.Printf("since: no vim25-since.json beside the binary: answering every client as API 6.5 (vijava cannot log in)")
		return ""
	default:
		return flagValue
	}
}

func templateNames(list string) []string {
	var names []string
	for _, n := range strings.Split(list, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	return names
}

func writeCertificate(srv *simulator.Server, out string) error {
	pemFile, err := srv.CertificateFile()
	if err != nil {
		return err
	}
	b, err := os.ReadFile(pemFile)
	if err != nil {
		return err
	}
	return os.WriteFile(out, b, 0644)
}

// sdkFilter wraps the simulator's handler. For /sdk it buffers the response so it can be re-serialized for the
// API version in the request's SOAPAction (rewrite.go); before answering it brings the guest agent's figures up to
// date (so a 0 delay means "at once") and holds a task that was just started in "running" (-task-delay).
func sdkFilter(next http.Handler, trace bool, guest *guestAgent, tasks *slowTasks) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/sdk") || r.Method != http.MethodPost { // /sdk and /sdk/vimService
			next.ServeHTTP(w, r)
			return
		}
		action := r.Header.Get("SOAPAction") // e.g. "urn:vim25/5.1" (quotes possible, may be empty)
		rec := httptest.NewRecorder()
		next.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		if trace {
			log.Printf("/sdk SOAPAction=%q status=%d bytes=%d", action, rec.Code, len(body))
		}
		tasks.hold(body)
		guest.update()
		if rec.Header().Get("Content-Type") == "" {
			rec.Header().Set("Content-Type", "text/xml; charset=utf-8")
		}
		body = rewriteForClient(body, action)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(rec.Code)
		_, _ = io.Copy(w, bytes.NewReader(body))
	})
}

// makeTemplates turns the first len(names) VMs of every datacenter (by name) into templates with those names,
// through the simulator's own SOAP API (a govmomi client on loopback): each gets a first disk of diskKiB and
// memoryMiB of memory (0: left as is), renamed and marked as template. It answers their inventory paths.
func makeTemplates(u *url.URL, names []string, diskKiB int64, memoryMiB int64) ([]string, error) {
	if len(names) == 0 {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := govmomi.NewClient(ctx, u, true)
	if err != nil {
		return nil, err
	}
	defer func() { _ = c.Logout(ctx) }()
	f := find.NewFinder(c.Client, false)
	dcs, err := f.DatacenterList(ctx, "*")
	if err != nil {
		return nil, err
	}
	var made []string
	for _, d := range dcs {
		f.SetDatacenter(d)
		vms, err := f.VirtualMachineList(ctx, "*")
		if err != nil {
			return nil, err
		}
		sort.Slice(vms, func(i, j int) bool { return vms[i].Name() < vms[j].Name() })
		if len(vms) < len(names) {
			return nil, fmt.Errorf("%s has %d VMs for %d templates", d.Name(), len(vms), len(names))
		}
		for i, name := range names {
			if err := makeTemplate(ctx, vms[i], name, diskKiB, memoryMiB); err != nil {
				return nil, fmt.Errorf("%s: %v", name, err)
			}
			made = append(made, fmt.Sprintf("%s/vm/%s", d.InventoryPath, name))
		}
	}
	return made, nil
}

func makeTemplate(ctx context.Context, vm *object.VirtualMachine, name string, diskKiB int64, memoryMiB int64) error {
	spec := types.VirtualMachineConfigSpec{MemoryMB: memoryMiB}
	if diskKiB > 0 {
		var machine mo.VirtualMachine
		if err := vm.Properties(ctx, vm.Reference(), []string{"config.hardware.device"}, &machine); err != nil {
			return err
		}
		disks := object.VirtualDeviceList(machine.Config.Hardware.Device).SelectByType((*types.VirtualDisk)(nil))
		if len(disks) > 0 {
			disk := disks[0].(*types.VirtualDisk)
			disk.CapacityInKB = diskKiB
			disk.CapacityInBytes = diskKiB << 10
			spec.DeviceChange = []types.BaseVirtualDeviceConfigSpec{&types.VirtualDeviceConfigSpec{
				Operation: types.VirtualDeviceConfigSpecOperationEdit, Device: disk}}
		}
	}
	t, err := vm.Reconfigure(ctx, spec)
	if err == nil {
		err = t.Wait(ctx)
	}
	if err != nil {
		return err
	}
	if t, err = vm.Rename(ctx, name); err == nil {
		err = t.Wait(ctx)
	}
	if err != nil {
		return err
	}
	return vm.MarkAsTemplate(ctx)
}
