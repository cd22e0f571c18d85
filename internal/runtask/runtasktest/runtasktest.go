// Package runtasktest is a local stand-in for the Terraform API's side of
// the run task protocol, for end-to-end tests and load benchmarks: it
// serves plan JSON behind the API's temporary redirect, checks the run's
// bearer token, records task result callbacks, and sends signed run task
// requests the way HCP Terraform does.
package runtasktest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"

	"github.com/sovlint/sovlint/internal/runtask"
)

// Callback is a task result PATCHed to the fake API.
type Callback struct {
	Status   string // data.attributes.status
	Message  string // data.attributes.message
	Outcomes []OutcomeAttributes
}

// OutcomeAttributes are a task-result-outcomes resource's attributes.
type OutcomeAttributes struct {
	OutcomeID   string `json:"outcome-id"`
	Description string `json:"description"`
	Body        string `json:"body"`
	URL         string `json:"url"`
	Tags        map[string][]struct {
		Label string `json:"label"`
		Level string `json:"level"`
	} `json:"tags"`
}

// API is the fake Terraform API. Token is the access token every run
// carries; a request without it is answered 401.
type API struct {
	Server *httptest.Server
	Token  string

	mu        sync.Mutex
	plans     map[string][]byte
	callbacks map[string][]Callback
	refused   int // requests answered 401
}

// NewAPI starts a fake API on loopback; Close stops it.
func NewAPI(token string) *API { return NewAPIOn(token, nil) }

// NewAPIOn starts a fake API on ln (a free loopback port when nil).
func NewAPIOn(token string, ln net.Listener) *API {
	a := &API{Token: token, plans: map[string][]byte{}, callbacks: map[string][]Callback{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v2/plans/{id}/json-output", a.jsonOutput)
	mux.HandleFunc("GET /_archivist/v1/object/{id}", a.object)
	mux.HandleFunc("PATCH /api/v2/task-results/{id}/callback", a.callback)
	a.Server = httptest.NewUnstartedServer(mux)
	if ln != nil {
		_ = a.Server.Listener.Close()
		a.Server.Listener = ln
	}
	a.Server.Start()
	return a
}

// Close stops the server.
func (a *API) Close() { a.Server.Close() }

// URL is the API's base URL, the server's --terraform-url.
func (a *API) URL() string { return a.Server.URL }

// SetPlan makes plan the JSON plan of plan ID id.
func (a *API) SetPlan(id string, plan []byte) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.plans[id] = plan
}

// Callbacks returns the results received for a task result ID.
func (a *API) Callbacks(id string) []Callback {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]Callback(nil), a.callbacks[id]...)
}

// CallbackCounts returns how many results each task result ID received.
func (a *API) CallbackCounts() map[string]int {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make(map[string]int, len(a.callbacks))
	for id, cs := range a.callbacks {
		out[id] = len(cs)
	}
	return out
}

// Refused is the number of requests answered 401 (wrong or no token).
func (a *API) Refused() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.refused
}

func (a *API) authorized(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get("Authorization") == "Bearer "+a.Token {
		return true
	}
	a.mu.Lock()
	a.refused++
	a.mu.Unlock()
	w.WriteHeader(http.StatusUnauthorized)
	return false
}

// jsonOutput redirects to a temporary archive URL, as the API does.
func (a *API) jsonOutput(w http.ResponseWriter, r *http.Request) {
	if !a.authorized(w, r) {
		return
	}
	target := "/_archivist/v1/object/" + url.PathEscape(r.PathValue("id")) + "?temporary=1"
	http.Redirect(w, r, target, http.StatusTemporaryRedirect)
}

func (a *API) object(w http.ResponseWriter, r *http.Request) {
	a.mu.Lock()
	plan, ok := a.plans[r.PathValue("id")]
	a.mu.Unlock()
	if !ok || r.URL.Query().Get("temporary") != "1" {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(plan)
}

func (a *API) callback(w http.ResponseWriter, r *http.Request) {
	if !a.authorized(w, r) {
		return
	}
	var doc struct {
		Data struct {
			Type       string `json:"type"`
			Attributes struct {
				Status  string `json:"status"`
				Message string `json:"message"`
			} `json:"attributes"`
			Relationships struct {
				Outcomes struct {
					Data []struct {
						Type       string            `json:"type"`
						Attributes OutcomeAttributes `json:"attributes"`
					} `json:"data"`
				} `json:"outcomes"`
			} `json:"relationships"`
		} `json:"data"`
	}
	if err := json.NewDecoder(r.Body).Decode(&doc); err != nil || doc.Data.Type != "task-results" {
		w.WriteHeader(http.StatusUnprocessableEntity)
		return
	}
	c := Callback{Status: doc.Data.Attributes.Status, Message: doc.Data.Attributes.Message}
	for _, o := range doc.Data.Relationships.Outcomes.Data {
		if o.Type != "task-result-outcomes" {
			w.WriteHeader(http.StatusUnprocessableEntity)
			return
		}
		c.Outcomes = append(c.Outcomes, o.Attributes)
	}
	a.mu.Lock()
	a.callbacks[r.PathValue("id")] = append(a.callbacks[r.PathValue("id")], c)
	a.mu.Unlock()
	w.WriteHeader(http.StatusOK)
}

// Run describes a run task request to send.
type Run struct {
	ID           string // run, plan and task result IDs derive from it
	Stage        string // default post_plan
	Organization string
	Workspace    string
	PlanID       string // default "plan-" + ID
}

// Payload is the run task request HCP Terraform sends for run.
func (a *API) Payload(run Run) []byte {
	if run.Stage == "" {
		run.Stage = runtask.StagePostPlan
	}
	if run.PlanID == "" {
		run.PlanID = "plan-" + run.ID
	}
	b, _ := json.Marshal(map[string]any{ // a map of strings and bools always marshals
		"payload_version":               1,
		"stage":                         run.Stage,
		"access_token":                  a.Token,
		"capabilities":                  map[string]bool{"outcomes": true},
		"is_speculative":                false,
		"organization_name":             run.Organization,
		"workspace_name":                run.Workspace,
		"workspace_id":                  "ws-" + run.ID,
		"run_id":                        "run-" + run.ID,
		"task_result_id":                "taskrs-" + run.ID,
		"task_result_enforcement_level": "mandatory",
		"task_result_callback_url":      a.URL() + "/api/v2/task-results/" + run.ID + "/callback",
		"plan_json_api_url":             a.URL() + "/api/v2/plans/" + run.PlanID + "/json-output",
		"vcs_pull_request_url":          nil,
	})
	return b
}

// Post sends body to a run task server signed with key, as HCP Terraform
// does, and returns the status code.
func Post(c *http.Client, serverURL string, key, body []byte) (int, error) {
	req, err := http.NewRequest(http.MethodPost, serverURL, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "TFC/1.0 (+https://app.terraform.io; TFC)")
	req.Header.Set("X-TFC-Task-Signature", runtask.Sign(key, body))
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	if err := resp.Body.Close(); err != nil {
		return 0, fmt.Errorf("closing the response: %w", err)
	}
	return resp.StatusCode, nil
}
