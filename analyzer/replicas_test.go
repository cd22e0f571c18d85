package analyzer_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReplicas(t *testing.T) {
	aws := func(resType string, after, unknown, exprs map[string]any) planSpec {
		return planSpec{
			providers: map[string]any{"aws": awsProvider(map[string]any{"region": constant("eu-west-3")})},
			resType:   resType, source: awsSource, key: "aws", after: after, unknown: unknown, exprs: exprs,
		}
	}
	type rep struct{ Via, Region, Country, Unresolved string }
	tests := []struct {
		name string
		spec planSpec
		want []rep
	}{
		{
			name: "DynamoDB replicas: the one in the resource's own region is not egress",
			spec: aws("aws_dynamodb_table", map[string]any{"replica": []any{
				map[string]any{"region_name": "us-east-1"}, map[string]any{"region_name": "eu-west-3"}, map[string]any{"region_name": "eu-central-1"},
			}}, nil, map[string]any{"replica": []any{}}),
			want: []rep{
				{Via: "DynamoDB global table replica", Region: "us-east-1", Country: "US"},
				{Via: "DynamoDB global table replica", Region: "eu-central-1", Country: "DE"},
			},
		},
		{
			name: "backup copy action: the region comes out of the vault ARN",
			spec: aws("aws_backup_plan", map[string]any{"rule": []any{map[string]any{"copy_action": []any{
				map[string]any{"destination_vault_arn": "arn:aws:backup:ap-southeast-2:123456789012:backup-vault:dr"},
			}}}}, nil, map[string]any{"rule": []any{}}),
			want: []rep{{Via: "AWS Backup copy action", Region: "ap-southeast-2", Country: "AU"}},
		},
		{
			name: "a replica region known only after apply is an unresolved destination",
			spec: aws("aws_dynamodb_table", map[string]any{"replica": []any{map[string]any{}}},
				map[string]any{"replica": []any{map[string]any{"region_name": true}}}, map[string]any{"replica": []any{}}),
			want: []rep{{Via: "DynamoDB global table replica", Unresolved: "replica.region_name is not known statically (known only after apply)"}},
		},
		{
			name: "no replica blocks: nothing",
			spec: aws("aws_dynamodb_table", map[string]any{"replica": []any{}}, nil, nil),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := resolveOne(t, tt.spec)
			var got []rep
			for _, x := range r.Replicas {
				got = append(got, rep{x.Via, x.Region, x.Country, x.Unresolved})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("replicas (-want +got):\n%s", diff)
			}
		})
	}
}
