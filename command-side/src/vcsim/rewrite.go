package main

// API-version re-serializer for /sdk responses: answers like a real vCenter answers a client
// of API version X (SOAPAction "urn:vim25/X"): properties newer than X are left out, objects of
// types newer than X are sent as their nearest ancestor type X knows, and on every element the
// plain `type` attribute (ManagedObjectReference) is written before `xsi:type`, with the
// envelope's `xsi` prefix. Data: vim25-since.json (pyVmomi metadata). Field -> Go type mapping
// for untyped (statically typed) elements: govmomi's vim25/types via reflection.

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"

	"github.com/vmware/govmomi/vim25/types"
)

type sinceType struct {
	V      string            `json:"v"`
	Parent string            `json:"parent"`
	Props  map[string]string `json:"props"`
}

type sinceDB struct {
	Data    map[string]*sinceType `json:"data"`
	Managed map[string]*sinceType `json:"managed"`
}

var (
	since      *sinceDB
	typeFunc   = types.TypeFunc()
	xsiNS      = "http://www.w3.org/2001/XMLSchema-instance"
	defaultAPI = "5.1"
)

func loadSince(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	db := new(sinceDB)
	if err = json.Unmarshal(b, db); err != nil {
		return err
	}
	since = db
	return nil
}

// ver turns "2.5u2server", "6.7.1", "7.0.2.0" into a comparable vector.
func ver(s string) [5]int {
	var v [5]int
	for i, part := range strings.SplitN(s, ".", 4) {
		num, u := part, ""
		if j := strings.IndexByte(part, 'u'); j >= 0 {
			num, u = part[:j], strings.TrimRightFunc(part[j+1:], func(r rune) bool { return r < '0' || r > '9' })
		}
		v[i], _ = strconv.Atoi(num)
		if u != "" {
			v[4], _ = strconv.Atoi(u)
		}
	}
	return v
}

func newer(a, b [5]int) bool { // a > b
	for i := range a {
		if a[i] != b[i] {
			return a[i] > b[i]
		}
	}
	return false
}

// clientVersion extracts X from SOAPAction `"urn:vim25/X"`; empty -> defaultAPI.
func clientVersion(action string) string {
	a := strings.Trim(strings.TrimSpace(action), `"`)
	if i := strings.LastIndexByte(a, '/'); i >= 0 && strings.HasPrefix(a, "urn:") {
		return a[i+1:]
	}
	return defaultAPI
}

// knownAs returns the nearest ancestor of wsdl type t that version cv knows (t itself if known/unknown to the DB).
func knownAs(t string, cv [5]int) string {
	for cur := t; cur != ""; {
		st := since.Data[cur]
		if st == nil {
			return cur
		}
		if !newer(ver(st.V), cv) {
			return cur
		}
		cur = st.Parent
	}
	return t
}

// propAllowed: is property p of wsdl type t (walking its ancestors) known to version cv?
// Types absent from the DB (responses, ArrayOf*, xsd:*) are not filtered.
func propAllowed(t, p string, cv [5]int) bool {
	st := since.Data[t]
	if st == nil {
		return true
	}
	for cur := st; cur != nil; cur = since.Data[cur.Parent] {
		if v, ok := cur.Props[p]; ok {
			return !newer(ver(v), cv)
		}
		if cur.Parent == "" {
			break
		}
	}
	return false // a property of a subtype that is not sent, or unknown
}

// childType finds the Go type of struct field with xml name `name` (embedded structs searched).
func childType(t reflect.Type, name string) reflect.Type {
	if t == nil {
		return nil
	}
	for t.Kind() == reflect.Ptr || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("xml"), ",")[0]
		if f.Anonymous && tag == "" {
			if ct := childType(f.Type, name); ct != nil {
				return ct
			}
			continue
		}
		if tag == name {
			ft := f.Type
			for ft.Kind() == reflect.Ptr || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			return ft
		}
	}
	return nil
}

type frame struct {
	goType reflect.Type // Go type of this element's content (struct) or nil
	wsdl   string       // WSDL type name used for property filtering ("" = no filtering)
}

func rewriteForClient(body []byte, soapAction string) []byte {
	if since == nil {
		return body
	}
	cv := ver(clientVersion(soapAction))
	out, err := rewrite(body, cv)
	if err != nil {
		return body // never break a response: fall back to the simulator's bytes
	}
	return out
}

func rewrite(body []byte, cv [5]int) ([]byte, error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	var out bytes.Buffer
	var stack []frame
	skip := 0 // depth inside a dropped subtree
	inBody := false
	xsiPrefixes := map[string]bool{"xsi": true}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			var xsiType string
			var attrs []xml.Attr
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" && a.Value == xsiNS {
					xsiPrefixes[a.Name.Local] = true
					if a.Name.Local != "xsi" {
						continue // drop redundant per-element declarations
					}
				}
				if a.Name.Local == "type" && xsiPrefixes[a.Name.Space] {
					xsiType = a.Value
					continue
				}
				attrs = append(attrs, a)
			}
			// work out this element's type
			var fr frame
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				if parent.wsdl != "" && !propAllowed(parent.wsdl, t.Name.Local, cv) {
					skip = 1
					continue
				}
				fr.goType = childType(parent.goType, t.Name.Local)
			}
			if inBody && len(stack) == 0 { // XxxResponse or soapenv:Fault
				fr.goType = responseTypes[t.Name.Local]
			}
			if xsiType != "" && !strings.HasPrefix(xsiType, "xsd:") {
				if gt, ok := typeFunc(xsiType); ok {
					fr.goType = gt
				}
				sent := knownAs(xsiType, cv)
				xsiType = sent
				fr.wsdl = sent
			} else if fr.goType != nil && fr.goType.Kind() == reflect.Struct {
				fr.wsdl = fr.goType.Name()
			}
			if t.Name.Space == "soapenv" && t.Name.Local == "Body" {
				inBody = true
				stack = nil
			} else if inBody {
				stack = append(stack, fr)
			}
			if xsiType != "" { // plain `type` first, xsi:type last (like vCenter)
				attrs = append(attrs, xml.Attr{Name: xml.Name{Space: "xsi", Local: "type"}, Value: xsiType})
			}
			out.WriteByte('<')
			writeName(&out, t.Name)
			for _, a := range attrs {
				out.WriteByte(' ')
				writeName(&out, a.Name)
				out.WriteString(`="`)
				escape(&out, a.Value, true)
				out.WriteByte('"')
			}
			out.WriteByte('>')
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			if t.Name.Space == "soapenv" && t.Name.Local == "Body" {
				inBody = false
			} else if inBody && len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			out.WriteString("</")
			writeName(&out, t.Name)
			out.WriteByte('>')
		case xml.CharData:
			if skip == 0 {
				escape(&out, string(t), false)
			}
		case xml.ProcInst:
			out.WriteString("<?" + t.Target + " " + string(t.Inst) + "?>")
		}
	}
	return out.Bytes(), nil
}

func writeName(b *bytes.Buffer, n xml.Name) {
	if n.Space != "" {
		b.WriteString(n.Space)
		b.WriteByte(':')
	}
	b.WriteString(n.Local)
}

// escape writes s with the XML special characters escaped (newlines kept as they are).
func escape(b *bytes.Buffer, s string, attr bool) {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;")
		case attr && r == '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
}
