// nettoria-vcsim: starts govmomi's vCenter simulator (VPX model) on a loopback TLS port.
// Build (offline, Debian packages only):
//
//	GOPATH=/usr/share/gocode GO111MODULE=off GOFLAGS= go build -o nettoria-vcsim .
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
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/vmware/govmomi"
	"github.com/vmware/govmomi/find"
	"github.com/vmware/govmomi/simulator"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "loopback host:port to listen on (port 0 = free port)")
	user := flag.String("user", "user", "login user name (only this user/password pair can log in)")
	pass := flag.String("pass", "pass", "login password")
	dc := flag.Int("dc", 1, "datacenters")
	clusters := flag.Int("cluster", 1, "clusters per datacenter")
	hosts := flag.Int("host", 3, "hosts per cluster")
	standalone := flag.Int("standalone-host", 0, "standalone hosts per datacenter")
	ds := flag.Int("ds", 2, "datastores")
	vms := flag.Int("vm", 1, "VMs per resource pool (before templating)")
	templates := flag.String("templates", "debian-12", "comma-free single template name: the first VM of each datacenter is powered off, renamed and marked as template (empty = none)")
	certOut := flag.String("cert-out", "", "write the server's PEM certificate here (for a per-connection trust store)")
	trace := flag.Bool("trace", false, "log SOAPAction of every /sdk request")
	sinceFile := flag.String("since", "", "vim25-since.json: re-serialize /sdk answers for the client's API version (empty = off)")
	flag.StringVar(&defaultAPI, "default-api", defaultAPI, "API version assumed when SOAPAction carries none")
	flag.Parse()

	start := time.Now()
	if *sinceFile != "" {
		if err := loadSince(*sinceFile); err != nil {
			log.Fatalf("since: %v", err)
		}
	}
	model := simulator.VPX()
	model.Datacenter = *dc
	model.Cluster = *clusters
	model.ClusterHost = *hosts
	model.Host = *standalone
	model.Datastore = *ds
	model.Machine = *vms
	model.Autostart = false // VMs start powered off (templating needs poweredOff)

	if err := model.Create(); err != nil {
		log.Fatalf("model create: %v", err)
	}
	model.Service.Listen = &url.URL{Host: *listen, User: url.UserPassword(*user, *pass)}
	model.Service.TLS = new(tls.Config) // simulator's built-in localhost cert (127.0.0.1, ::1)
	srv := model.Service.NewServer()

	// Hook point: the simulator's http.Server handler (its ServeMux, /sdk -> Service.ServeSDK).
	// Replaced before the URL is published, so no request has been served yet.
	inner := srv.Config.Handler
	srv.Config.Handler = sdkFilter(inner, *trace)

	if *templates != "" {
		if err := makeTemplates(srv.URL, *templates); err != nil {
			log.Fatalf("templates: %v", err)
		}
	}
	if *certOut != "" {
		pemFile, err := srv.CertificateFile()
		if err == nil {
			var b []byte
			if b, err = os.ReadFile(pemFile); err == nil {
				err = os.WriteFile(*certOut, b, 0644)
			}
		}
		if err != nil {
			log.Fatalf("cert-out: %v", err)
		}
	}

	fmt.Printf("VCSIM_URL=%s\n", srv.URL.String())
	fmt.Printf("VCSIM_HOST=%s\nVCSIM_USER=%s\nVCSIM_PASS=%s\n", srv.URL.Host, *user, *pass)
	fmt.Printf("VCSIM_STARTUP_MS=%d\n", time.Since(start).Milliseconds())
	fmt.Println("VCSIM_READY")
	os.Stdout.Sync()

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig
	srv.Close()
	model.Remove()
}

// sdkFilter wraps the simulator's handler. For /sdk it buffers the response so it can be
// re-serialized for the API version in the request's SOAPAction (rewrite.go).
func sdkFilter(next http.Handler, trace bool) http.Handler {
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

// makeTemplates renames the first VM of every datacenter to name and marks it as a template,
// through the simulator's own SOAP API (a govmomi client on loopback).
func makeTemplates(u *url.URL, name string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := govmomi.NewClient(ctx, u, true)
	if err != nil {
		return err
	}
	defer c.Logout(ctx)
	f := find.NewFinder(c.Client, false)
	dcs, err := f.DatacenterList(ctx, "*")
	if err != nil {
		return err
	}
	for i, d := range dcs {
		f.SetDatacenter(d)
		vms, err := f.VirtualMachineList(ctx, "*")
		if err != nil || len(vms) == 0 {
			continue
		}
		vm := vms[0]
		tname := name
		if i > 0 {
			tname = fmt.Sprintf("%s-%d", name, i)
		}
		t, err := vm.Rename(ctx, tname)
		if err != nil {
			return err
		}
		if err = t.Wait(ctx); err != nil {
			return err
		}
		if err = vm.MarkAsTemplate(ctx); err != nil {
			return err
		}
		fmt.Printf("VCSIM_TEMPLATE=%s/vm/%s\n", d.InventoryPath, tname)
	}
	return nil
}
