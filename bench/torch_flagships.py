#!/usr/bin/python3
"""The PyTorch 1.13 peer of the flagship lines of `npm run bench:engine`: TSMixer-gated (ETTh1 shapes),
FinalMLP (MovieLens-100k shapes) and GMU (clothing-reviews shapes) at the sizes and batch sizes of the
accuracy runs (bench/flagships.ts), trained on synthetic batches of the same shapes with PyTorch's own
random initial weights (speed does not depend on the values), at its best (eager, foreach, jit.script).

A long-lived process driven over stdin/stdout, one JSON object per line (as bench/torch_gated.py):
    {"cmd": "build", "name": "finalmlp", "sizes": {...}, "batch": 256, "optimizer": {...}} -> {"ok": true, "params": N}
    {"cmd": "measure", "name": "finalmlp", "mode": "foreach", "seconds": 1.0}
                                                   -> {"samplesPerSec": ..., "samplesPerCpuSec": ..., "steps": ...}
The environment (OpenBLAS core type, OMP wait policy, malloc thresholds, threads) is set by the caller.
"""
import json
import sys
import time

import torch
import torch.nn as nn


class TSMixerGated(nn.Module):
    """RevIN; per block: time mixing (LayerNorm over the (time, channel) plane, Linear L->L over time,
    shared by the channels, ReLU, dropout, residual) and feature mixing (LayerNorm, Linear C->ff, ReLU,
    dropout, Linear ff->C, dropout) scaled by a sigmoid channel gate (squeeze over time), residual; head L->H."""

    def __init__(self, s):
        super().__init__()
        L, H, C, ff = s["lookback"], s["horizon"], s["channels"], s["ff"]
        self.norm1 = nn.ModuleList([nn.LayerNorm([L, C]) for _ in range(s["blocks"])])
        self.norm2 = nn.ModuleList([nn.LayerNorm([L, C]) for _ in range(s["blocks"])])
        self.time = nn.ModuleList([nn.Linear(L, L) for _ in range(s["blocks"])])
        self.ff1 = nn.ModuleList([nn.Linear(C, ff) for _ in range(s["blocks"])])
        self.ff2 = nn.ModuleList([nn.Linear(ff, C) for _ in range(s["blocks"])])
        self.gate = nn.ModuleList([nn.Linear(C, C) for _ in range(s["blocks"])])
        self.drop = nn.Dropout(s["dropout"])
        self.head = nn.Linear(L, H)
        self.rev_w, self.rev_b = nn.Parameter(torch.ones(C)), nn.Parameter(torch.zeros(C))

    def forward(self, x):
        m = x.mean(1, keepdim=True)
        sd = torch.sqrt(x.var(1, keepdim=True, unbiased=False) + 1e-5)
        h = (x - m) / sd * self.rev_w + self.rev_b
        for n1, n2, t, f1, f2, g in zip(self.norm1, self.norm2, self.time, self.ff1, self.ff2, self.gate):
            tm = torch.relu(t(n1(h).transpose(1, 2).contiguous())).transpose(1, 2)
            h = h + self.drop(tm)
            f = self.drop(f2(self.drop(torch.relu(f1(n2(h))))))
            h = h + f * torch.sigmoid(g(f.mean(1, keepdim=True)))
        y = self.head(h.transpose(1, 2).contiguous()).transpose(1, 2)
        return (y - self.rev_b) / (self.rev_w + 1e-10) * sd + m


def mlp(d, widths, dropout):
    layers = []
    for w in widths:
        layers += [nn.Linear(d, w), nn.ReLU(), nn.Dropout(dropout)]
        d = w
    return nn.Sequential(*layers)


class FinalMLP(nn.Module):
    """One embedding table over all fields + numeric feature vectors; two 2·sigmoid feature gates; two MLP
    streams; multi-head bilinear fusion plus the linear terms (Mao et al. 2023)."""

    def __init__(self, s):
        super().__init__()
        d, self.heads = s["dim"], s["heads"]
        self.offsets = torch.tensor([sum(s["fields"][:i]) for i in range(len(s["fields"]))])
        self.table = nn.Parameter(torch.randn(sum(s["fields"]), d) * 0.01)
        self.numeric = nn.Parameter(torch.randn(s["numeric"], d) * 0.01)
        width = (len(s["fields"]) + s["numeric"]) * d
        self.gate1, self.gate2 = nn.Linear(width, width), nn.Linear(width, width)
        self.stream1, self.stream2 = mlp(width, s["stream1"], s["dropout"]), mlp(width, s["stream2"], s["dropout"])
        o1, o2 = s["stream1"][-1], s["stream2"][-1]
        self.d1, self.d2 = o1 // self.heads, o2 // self.heads
        self.bilinear = nn.Parameter(torch.randn(self.heads, self.d1, self.d2) * 0.01)
        self.w1, self.w2 = nn.Linear(o1, 1), nn.Linear(o2, 1, bias=False)

    def forward(self, fields, numeric):
        e = torch.cat([self.table[fields + self.offsets], numeric.unsqueeze(2) * self.numeric], 1)
        x = e.flatten(1)
        o1 = self.stream1(x * 2 * torch.sigmoid(self.gate1(x)))
        o2 = self.stream2(x * 2 * torch.sigmoid(self.gate2(x)))
        h1 = o1.view(-1, self.heads, self.d1).transpose(0, 1)  # [h, B, d1]: one matmul per head
        h2 = o2.view(-1, self.heads, self.d2).transpose(0, 1)
        bilinear = (torch.bmm(h1, self.bilinear) * h2).sum((0, 2)).unsqueeze(1)
        return self.w1(o1) + self.w2(o2) + bilinear


class GMU(nn.Module):
    """Bimodal gated multimodal unit (Arevalo et al. 2017) then an MLP head: h_m = tanh(W_m x_m),
    z = σ(W_z [x_text, x_tab]), y = z h_text + (1 - z) h_tab."""

    def __init__(self, s):
        super().__init__()
        k = s["gmuHidden"]
        self.h_text, self.h_tab = nn.Linear(s["text"], k), nn.Linear(s["tabular"], k)
        self.z = nn.Linear(s["text"] + s["tabular"], k)
        self.mlp = nn.Sequential(mlp(k, s["hidden"], s["dropout"]), nn.Linear(s["hidden"][-1], 1))

    def forward(self, text, tab):
        z = torch.sigmoid(self.z(torch.cat([text, tab], 1)))
        return self.mlp(z * torch.tanh(self.h_text(text)) + (1 - z) * torch.tanh(self.h_tab(tab)))


def synthetic(name, s, batch, count=8):
    """Batches of the real shapes (values do not change the speed of these dense graphs)."""
    g = torch.Generator().manual_seed(1)
    out = []
    for _ in range(count):
        if name == "tsmixer":
            out.append(((torch.randn(batch, s["lookback"], s["channels"], generator=g),), torch.randn(batch, s["horizon"], s["channels"], generator=g)))
        elif name == "finalmlp":
            ids = torch.stack([torch.randint(0, v, (batch,), generator=g) for v in s["fields"]], 1)
            out.append(((ids, torch.randn(batch, s["numeric"], generator=g)), torch.randint(0, 2, (batch, 1), generator=g).float()))
        else:
            text = (torch.rand(batch, s["text"], generator=g) < 0.02).float()
            out.append(((text, torch.randn(batch, s["tabular"], generator=g)), torch.randint(0, 2, (batch, 1), generator=g).float()))
    return out


MODELS = {"tsmixer": TSMixerGated, "finalmlp": FinalMLP, "gmu": GMU}


class Flagship:
    def __init__(self, name, sizes, batch, optimizer):
        self.name, self.sizes, self.batch, self.optimizer = name, sizes, batch, optimizer
        self.data = synthetic(name, sizes, batch)
        self.loss = nn.MSELoss() if name == "tsmixer" else nn.BCEWithLogitsLoss()
        self.trainers = {}
        torch.manual_seed(0)
        self.params = sum(p.numel() for p in MODELS[name](sizes).parameters())

    def trainer(self, mode):
        if mode not in self.trainers:
            torch.manual_seed(0)
            model = MODELS[self.name](self.sizes)
            forward = torch.jit.script(model) if mode == "jit" else model
            wd = self.optimizer.get("weightDecay", 0) or 0
            kind = torch.optim.AdamW if self.optimizer["kind"] == "adamw" else torch.optim.Adam
            opt = kind(model.parameters(), lr=1e-4, weight_decay=wd, foreach=(mode != "eager"))
            self.trainers[mode] = (forward.train(), opt)
        return self.trainers[mode]

    def step(self, mode, i):
        forward, opt = self.trainer(mode)
        inputs, target = self.data[i % len(self.data)]
        opt.zero_grad(set_to_none=True)
        loss = self.loss(forward(*inputs), target)
        loss.backward()
        opt.step()
        return loss

    def measure(self, mode, seconds):
        for i in range(3):  # warm-up (jit profiling runs, allocator growth)
            self.step(mode, i)
        steps, t0, c0 = 0, time.perf_counter(), time.process_time()
        while True:
            loss = self.step(mode, steps)
            steps += 1
            elapsed = time.perf_counter() - t0
            if elapsed >= seconds and steps >= 3:
                break
        cpu = time.process_time() - c0
        return {"samplesPerSec": steps * self.batch / elapsed, "samplesPerCpuSec": steps * self.batch / cpu, "steps": steps, "loss": float(loss.item())}


def main():
    flagships = {}
    for line in sys.stdin:
        msg = json.loads(line)
        try:
            if msg["cmd"] == "build":
                torch.set_num_threads(msg.get("threads", 1))
                f = Flagship(msg["name"], msg["sizes"], msg["batch"], msg["optimizer"])
                flagships[msg["name"]] = f
                out = {"ok": True, "params": f.params, "torch": torch.__version__}
            elif msg["cmd"] == "measure":
                out = flagships[msg["name"]].measure(msg["mode"], msg["seconds"])
            else:
                out = {"error": f"unknown command {msg['cmd']}"}
        except Exception as e:  # report to the bench instead of dying silently
            out = {"error": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
