package main

// Slow tasks (-task-delay). govmomi 0.24.2's simulator runs a task to its end inside the call that starts it, so
// a client never sees one running (and Model.DelayConfig only delays the call itself: the task is over when the
// client first sees it). slowTasks makes the task a client just started report "running", without result, for
// the delay, then restores what the simulator recorded: from the client's side, a task that takes that long.
// The operation's effect is already in the inventory meanwhile; only the task's state is held back.

import (
	"regexp"
	"sync/atomic"
	"time"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// the answer of any Xxx_Task method: <Xxx_TaskResponse ...><returnval type="Task" ...>task-12</returnval>
var taskAnswer = regexp.MustCompile(`<[A-Za-z0-9]+_TaskResponse[^>]*>\s*<returnval[^>]*>([^<]+)</returnval>`)

type slowTasks struct {
	delay   time.Duration
	enabled int32
}

// enable starts holding tasks (the launcher's own setup runs first, undelayed).
func (s *slowTasks) enable() {
	atomic.StoreInt32(&s.enabled, 1)
}

// hold holds back the task that this /sdk answer returns, if any.
func (s *slowTasks) hold(answer []byte) {
	if s.delay <= 0 || atomic.LoadInt32(&s.enabled) == 0 {
		return
	}
	m := taskAnswer.FindSubmatch(answer)
	if m == nil {
		return
	}
	task, ok := simulator.Map.Get(types.ManagedObjectReference{Type: "Task", Value: string(m[1])}).(*simulator.Task)
	if !ok {
		return
	}
	var final types.TaskInfo
	simulator.Map.WithLock(task, func() {
		final = task.Info
		task.Info.State = types.TaskInfoStateRunning
		task.Info.CompleteTime = nil
		task.Info.Result = nil
		task.Info.Error = nil
		task.Info.Progress = 10
	})
	time.AfterFunc(s.delay, func() {
		simulator.Map.WithLock(task, func() {
			now := time.Now()
			task.Info.Result = final.Result
			task.Info.Error = final.Error
			task.Info.Progress = final.Progress
			// through the registry, so that property collector waiters (govc, govmomi) see the change
			simulator.Map.Update(task, []types.PropertyChange{
				{Name: "info.completeTime", Val: now},
				{Name: "info.state", Val: final.State},
			})
		})
	})
}
