// Command runtaskload is the load generator of bench/runtask.sh: it plays
// HCP Terraform against a running `sovlint serve`. It serves a fake
// Terraform API on -api (plan JSON behind the temporary redirect, bearer
// check, callbacks recorded), waits for the server's /readyz, sends -n
// signed run task requests from -c concurrent clients (resending those
// answered 503, as HCP Terraform retries), waits until every run is called
// back, and prints the throughput. It exits 1 unless every run was
// answered and called back exactly once with the verdict its plan
// deserves.
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sovlint/sovlint/internal/runtask/runtasktest"
)

func main() {
	apiAddr := flag.String("api", "127.0.0.1:18081", "address to serve the fake Terraform API on (the server's --terraform-url)")
	server := flag.String("server", "http://127.0.0.1:18080", "the run task server's URL")
	planFile := flag.String("plan", "testdata/plans/modules-count-aliases/plan.json", "plan JSON every run downloads")
	want := flag.String("want", "failed", "the verdict every run must get: passed or failed")
	n := flag.Int("n", 2000, "runs to send")
	conc := flag.Int("c", 32, "concurrent clients")
	timeout := flag.Duration("timeout", 10*time.Minute, "time to wait for every callback")
	flag.Parse()
	key := []byte(os.Getenv("SOVLINT_HMAC_KEY"))
	if len(key) == 0 {
		fmt.Fprintln(os.Stderr, "runtaskload: set SOVLINT_HMAC_KEY to the server's key")
		os.Exit(2)
	}
	plan, err := os.ReadFile(*planFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "runtaskload:", err)
		os.Exit(2)
	}
	if err := run(*apiAddr, *server, plan, key, *want, *n, *conc, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "runtaskload:", err)
		os.Exit(1)
	}
}

func run(apiAddr, server string, plan, key []byte, want string, n, conc int, timeout time.Duration) error {
	// The fake listens on the fixed address the server was started with.
	ln, err := net.Listen("tcp", apiAddr)
	if err != nil {
		return err
	}
	api := runtasktest.NewAPIOn("atlasv1.bench-token", ln)
	defer api.Close()
	api.SetPlan("bench", plan)

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conc}, Timeout: time.Minute}
	if err := waitReady(client, server+"/readyz", time.Minute); err != nil {
		return err
	}
	bodies := make([][]byte, n)
	for i := range n {
		bodies[i] = api.Payload(runtasktest.Run{ID: strconv.Itoa(i), Organization: "bench", Workspace: "ws-" + strconv.Itoa(i%50), PlanID: "bench"})
	}

	var next, retried atomic.Int64
	var failed sync.Map
	start := time.Now()
	var wg sync.WaitGroup
	for range conc {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				for {
					code, err := runtasktest.Post(client, server+"/", key, bodies[i])
					if err == nil && code == http.StatusServiceUnavailable {
						retried.Add(1)
						time.Sleep(50 * time.Millisecond)
						continue
					}
					if err != nil || code != http.StatusOK {
						failed.Store(i, fmt.Sprint(code, err))
					}
					break
				}
			}
		})
	}
	wg.Wait()
	accepted := time.Since(start)
	deadline := time.Now().Add(timeout)
	for len(api.CallbackCounts()) < n && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	elapsed := time.Since(start)

	bad := 0
	failed.Range(func(k, v any) bool {
		fmt.Fprintf(os.Stderr, "run %v: %v\n", k, v)
		bad++
		return true
	})
	counts := api.CallbackCounts()
	lost, dup, wrong := 0, 0, 0
	for i := range n {
		id := strconv.Itoa(i)
		switch c := counts[id]; {
		case c == 0:
			lost++
		case c > 1:
			dup++
		case api.Callbacks(id)[0].Status != want:
			wrong++
		}
	}
	fmt.Fprintf(os.Stdout, "runs %d, clients %d, plan %d bytes: all accepted in %s, all called back in %s: %.0f runs/s; %d requests answered 503 and resent\n",
		n, conc, len(plan), accepted.Round(time.Millisecond), elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(), retried.Load())
	if bad+lost+dup+wrong > 0 || api.Refused() > 0 {
		return fmt.Errorf("%d requests not accepted, %d runs never called back, %d called back more than once, %d with a verdict other than %s, %d API requests refused",
			bad, lost, dup, wrong, want, api.Refused())
	}
	return nil
}

func waitReady(c *http.Client, url string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		resp, err := c.Get(url)
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s not ready after %s", url, limit)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
