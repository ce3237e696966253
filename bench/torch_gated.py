#!/usr/bin/python3
"""The PyTorch 1.13 peer of `npm run bench:engine`: the same gated model, weights and batches as the
engine, trained with AdamW (decay mask excluding biases), at its best (eager, foreach AdamW, jit.script).

A long-lived process driven by bench/engine.bench.ts over stdin/stdout, one JSON object per line, so
that the two sides can be interleaved without paying torch's import time per measurement:
    {"cmd": "load", "dir": "...", "threads": 1}       -> {"ok": true, "torch": "1.13..."}
    {"cmd": "loss", "batch": 256}                    -> {"loss": ...}  (initial weights, first batch)
    {"cmd": "measure", "batch": 256, "mode": "foreach", "seconds": 1.5}
                                                   -> {"samplesPerSec": ..., "steps": ..., "loss": ...}
The weights and batches are raw little-endian float32 files written by the TypeScript side (meta.json
names them). The environment (OpenBLAS core type, OMP wait policy, malloc thresholds) is set by the caller.
"""
import json
import os
import sys
import time

import numpy as np
import torch


class GatedModel(torch.nn.Module):
    """2*sigmoid feature gate -> ReLU layer -> softmax router over E small MLP experts -> one logit."""

    def __init__(self, params, experts: int, expert_hidden: int):
        super().__init__()
        self.experts = experts
        self.expert_hidden = expert_hidden
        for name, value in params.items():
            self.register_parameter(name.replace(".", "_"), torch.nn.Parameter(value.clone()))
        # Expert outputs as one addmm with a block-diagonal [E*He, E] weight built from w2 (as the engine
        # does): measured ~5% faster for torch too than (eh.reshape(B, E, He) * w2).sum(-1).
        mask = torch.zeros(experts * expert_hidden, experts)
        for e in range(experts):
            mask[e * expert_hidden:(e + 1) * expert_hidden, e] = 1
        self.register_buffer("mask", mask)

    def forward(self, x):
        g = torch.sigmoid(torch.addmm(self.gate_b, x, self.gate_w))
        h = torch.relu(torch.addmm(self.hidden_b, (2 * g * x).contiguous(), self.hidden_w))
        route = torch.softmax(torch.addmm(self.router_b, h, self.router_w), dim=-1)
        eh = torch.relu(torch.addmm(self.experts_b1, h, self.experts_w1))
        expert_out = torch.addmm(self.experts_b2, eh, self.experts_w2.reshape(-1, 1) * self.mask)
        return (route * expert_out).sum(-1, keepdim=True)


class Peer:
    def __init__(self, directory, threads):
        torch.set_num_threads(threads)
        with open(os.path.join(directory, "meta.json")) as f:
            self.meta = json.load(f)
        self.dir = directory
        flat = np.fromfile(os.path.join(directory, self.meta["paramsFile"]), dtype="<f4")
        self.init = {}
        for p in self.meta["params"]:
            self.init[p["name"]] = torch.from_numpy(flat[p["offset"]:p["offset"] + p["size"]].copy()).reshape(p["shape"])
        self.pools = {}
        self.trainers = {}

    def pool(self, batch):
        if batch not in self.pools:
            info = self.meta["pools"][str(batch)]
            x = np.fromfile(os.path.join(self.dir, info["x"]), dtype="<f4").reshape(info["count"], batch, -1)
            y = np.fromfile(os.path.join(self.dir, info["y"]), dtype="<f4").reshape(info["count"], batch, 1)
            self.pools[batch] = [(torch.from_numpy(x[i].copy()), torch.from_numpy(y[i].copy())) for i in range(info["count"])]
        return self.pools[batch]

    def trainer(self, mode):
        """One model + optimizer per mode, kept across measurements (state keeps evolving, as in training)."""
        if mode not in self.trainers:
            sizes = self.meta["sizes"]
            model = GatedModel(self.init, sizes["experts"], sizes["expertHidden"])
            decay = [p for n, p in model.named_parameters() if n.endswith("_w") or n.endswith("_w1") or n.endswith("_w2")]
            no_decay = [p for n, p in model.named_parameters() if not (n.endswith("_w") or n.endswith("_w1") or n.endswith("_w2"))]
            opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                                    lr=1e-3, foreach=(mode != "eager"))
            forward = torch.jit.script(model) if mode == "jit" else model
            self.trainers[mode] = (forward, opt, torch.nn.BCEWithLogitsLoss())
        return self.trainers[mode]

    def step(self, mode, x, y):
        forward, opt, loss_fn = self.trainer(mode)
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(forward(x), y)
        loss.backward()
        opt.step()
        return loss

    def initial_loss(self, batch):
        """The loss of the initial weights on the first batch: proves both sides train the same model."""
        sizes = self.meta["sizes"]
        x, y = self.pool(batch)[0]
        with torch.no_grad():
            return float(torch.nn.BCEWithLogitsLoss()(GatedModel(self.init, sizes["experts"], sizes["expertHidden"])(x), y))

    def measure(self, batch, mode, seconds):
        pool = self.pool(batch)
        for i in range(3):  # warm-up (jit profiling runs, allocator growth)
            self.step(mode, *pool[i % len(pool)])
        steps, t0, c0 = 0, time.perf_counter(), time.process_time()
        while True:
            loss = self.step(mode, *pool[steps % len(pool)])
            steps += 1
            elapsed = time.perf_counter() - t0
            if elapsed >= seconds and steps >= 3:
                break
        cpu = time.process_time() - c0  # all threads of this process: robust to other load on the machine
        return {"samplesPerSec": steps * batch / elapsed, "samplesPerCpuSec": steps * batch / cpu, "steps": steps, "loss": float(loss.item())}


def main():
    peer = None
    for line in sys.stdin:
        msg = json.loads(line)
        try:
            if msg["cmd"] == "load":
                peer = Peer(msg["dir"], msg["threads"])
                out = {"ok": True, "torch": torch.__version__, "threads": torch.get_num_threads()}
            elif msg["cmd"] == "loss":
                out = {"loss": peer.initial_loss(msg["batch"])}
            elif msg["cmd"] == "measure":
                out = peer.measure(msg["batch"], msg["mode"], msg["seconds"])
            else:
                out = {"error": f"unknown command {msg['cmd']}"}
        except Exception as e:  # report to the bench instead of dying silently
            out = {"error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
