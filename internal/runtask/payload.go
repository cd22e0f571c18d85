package runtask

import (
	"encoding/json"
	"errors"
	"fmt"
)

// The run task protocol's fixed values, as HashiCorp documents them in the
// "Run tasks integration API" reference.
const (
	// payloadVersion is the only request schema version the protocol has.
	payloadVersion = 1
	// verificationToken is the access token of the request HCP Terraform
	// sends when a run task is created or its URL changed: the endpoint must
	// answer 200, and there is no run to check and nothing to call back.
	verificationToken = "test-token"
	// signatureHeader carries the hex HMAC-SHA512 of the body.
	signatureHeader = "X-Tfc-Task-Signature"
	// jsonAPIMediaType is the media type of the Terraform API.
	jsonAPIMediaType = "application/vnd.api+json"
)

// Stages of a run at which HCP Terraform calls a run task.
const (
	StagePrePlan   = "pre_plan"
	StagePostPlan  = "post_plan"
	StagePreApply  = "pre_apply"
	StagePostApply = "post_apply"
)

// payload is the body of a run task request. Only the members sovlint reads
// are decoded; the protocol adds members over time, so unknown ones are
// ignored. Several are null when they do not apply, which decodes as "".
type payload struct {
	PayloadVersion int    `json:"payload_version"`
	Stage          string `json:"stage"`
	// AccessToken authenticates the plan download and the callback. It is a
	// secret: it goes into an Authorization header and nowhere else.
	AccessToken  string `json:"access_token"`
	Capabilities struct {
		Outcomes bool `json:"outcomes"`
	} `json:"capabilities"`
	IsSpeculative              bool   `json:"is_speculative"`
	OrganizationName           string `json:"organization_name"`
	PlanJSONAPIURL             string `json:"plan_json_api_url"`
	RunID                      string `json:"run_id"`
	TaskResultCallbackURL      string `json:"task_result_callback_url"`
	TaskResultEnforcementLevel string `json:"task_result_enforcement_level"`
	TaskResultID               string `json:"task_result_id"`
	WorkspaceID                string `json:"workspace_id"`
	WorkspaceName              string `json:"workspace_name"`
}

// errPayload is a request body that is not a run task payload.
var errPayload = errors.New("not a run task payload")

// parsePayload decodes a request body. Its errors name what is wrong
// without quoting the body, which holds the access token.
func parsePayload(body []byte) (*payload, error) {
	var p payload
	if err := json.Unmarshal(body, &p); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return nil, fmt.Errorf("%w: malformed JSON at byte %d", errPayload, syn.Offset)
		case errors.As(err, &typ):
			return nil, fmt.Errorf("%w: member %q has the wrong type", errPayload, typ.Field)
		default:
			return nil, fmt.Errorf("%w: malformed JSON", errPayload)
		}
	}
	// The verification request needs no more than its token: it asks for
	// nothing but a 200.
	if p.PayloadVersion != payloadVersion && !p.isVerification() {
		return nil, fmt.Errorf("%w: payload_version %d is not supported (want %d)", errPayload, p.PayloadVersion, payloadVersion)
	}
	return &p, nil
}

// isVerification reports whether the request is the one HCP Terraform sends
// to check the endpoint when the run task is registered.
func (p *payload) isVerification() bool { return p.AccessToken == verificationToken }

// knownStage reports whether stage is one the protocol documents.
func knownStage(stage string) bool {
	switch stage {
	case StagePrePlan, StagePostPlan, StagePreApply, StagePostApply:
		return true
	}
	return false
}

// scansPlan reports whether sovlint checks plans at stage: the plan exists
// from post_plan on, and only a check before apply can gate it.
func scansPlan(stage string) bool { return stage == StagePostPlan || stage == StagePreApply }

// Run identifies the run a plan belongs to, for the scanner to choose a
// policy and for logs. It holds no secret.
type Run struct {
	ID           string
	TaskResultID string
	Stage        string
	Organization string
	Workspace    string
	WorkspaceID  string
	Speculative  bool
	// Enforcement is "mandatory" or "advisory", as the task is attached.
	Enforcement string
}

func (p *payload) run() Run {
	return Run{
		ID:           p.RunID,
		TaskResultID: p.TaskResultID,
		Stage:        p.Stage,
		Organization: p.OrganizationName,
		Workspace:    p.WorkspaceName,
		WorkspaceID:  p.WorkspaceID,
		Speculative:  p.IsSpeculative,
		Enforcement:  p.TaskResultEnforcementLevel,
	}
}
