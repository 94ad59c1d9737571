"""PyTorch's learning-rate schedulers, step by step, for the schedules of the digits-lr-schedules preset.

digits: 1348 training rows in batches of 32 give 43 steps per epoch; 20 epochs give 860 steps.
Seedlab's schedules (src/studies/lr-schedule/schedules.ts) must give the same rate at every step:
tests/schedules.test.ts reads this file. Triangular is torch.optim.lr_scheduler.CyclicLR
(mode='triangular', step_size_up = 5 epochs of steps: two full cycles, ending at the base rate);
one-cycle is OneCycleLR with cosine annealing and no momentum cycling.

Run: /usr/bin/python3 bench/pytorch_schedules_reference.py > bench/reference/pytorch-schedules.json
(Debian: python3-torch)
"""
import json

import torch

STEPS_PER_EPOCH, EPOCHS = 43, 20
TOTAL = STEPS_PER_EPOCH * EPOCHS


def rates(make):
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1, momentum=0.9)
    sched = make(opt)
    out = []
    for _ in range(TOTAL):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


print(json.dumps({
    "torch": torch.__version__,
    "stepsPerEpoch": STEPS_PER_EPOCH,
    "epochs": EPOCHS,
    "triangular": {
        "spec": {"name": "triangular", "type": "triangular", "minLr": 0.001, "maxLr": 0.1, "halfCycleEpochs": 5},
        "lrs": rates(lambda o: torch.optim.lr_scheduler.CyclicLR(o, base_lr=0.001, max_lr=0.1, step_size_up=5 * STEPS_PER_EPOCH,
                                                              mode="triangular", cycle_momentum=False)),
    },
    "one-cycle": {
        "spec": {"name": "one-cycle", "type": "one-cycle", "maxLr": 0.1, "pctStart": 0.3, "divFactor": 25, "finalDivFactor": 10000},
        "lrs": rates(lambda o: torch.optim.lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=TOTAL, pct_start=0.3, anneal_strategy="cos",
                                                                cycle_momentum=False, div_factor=25, final_div_factor=1e4)),
    },
}))
