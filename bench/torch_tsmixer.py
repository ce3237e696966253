# PyTorch reference for GateLab's tsmixer-gated on ETTh1 (ETT protocol, multivariate, L=512, H=96).
# Follows the original TSMixer code (google-research/tsmixer, tsmixer_basic): RevIN, blocks of
#   x = x + Dropout(ReLU(Dense_L(Norm(x)^T))^T)          time mixing, shared by all channels
#   x = x + Dropout(Dense_C(Dropout(ReLU(Dense_ff(Norm(x))))))   feature mixing
# then a temporal projection L -> H, MSE, Adam lr 1e-4, batch 32, early stopping (patience 5) on validation,
# best-on-validation weights evaluated on test. Norm 'batch' is the original's BatchNorm over the
# (time, feature) plane (one statistic per (t, c), averaged over the batch); 'layer2d' is its LayerNorm
# option over the same plane; 'layerC' is a LayerNorm over channels only (GateLab before this change).
#
# Run: OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 bench/torch_tsmixer.py [--norm batch] [--dropout 0.9] ...
import argparse, time
import numpy as np, pandas as pd, torch, torch.nn as nn

p = argparse.ArgumentParser()
p.add_argument('--data', default='/work/shared/data/forecasting/ETTh1.csv')
p.add_argument('--lookback', type=int, default=512)
p.add_argument('--horizon', type=int, default=96)
p.add_argument('--norm', choices=['batch', 'layer2d', 'layerC'], default='batch')
p.add_argument('--dropout', type=float, default=0.9)
p.add_argument('--ff', type=int, default=64)
p.add_argument('--blocks', type=int, default=2)
p.add_argument('--gate', choices=['none', 'sigmoid'], default='none')
p.add_argument('--lr', type=float, default=1e-4)
p.add_argument('--batch', type=int, default=32)
p.add_argument('--epochs', type=int, default=100)
p.add_argument('--patience', type=int, default=5)
p.add_argument('--seed', type=int, default=0)
p.add_argument('--threads', type=int, default=1)
args = p.parse_args()
torch.manual_seed(args.seed); np.random.seed(args.seed); torch.set_num_threads(args.threads)

# ETT protocol: rows [0, 8640) train, [8640, 11520) validation, [11520, 14400) test; z-score on train rows;
# validation/test windows look back `lookback` rows into the previous split; stride 1.
raw = pd.read_csv(args.data).iloc[:, 1:].to_numpy(np.float32)
mean, std = raw[:8640].mean(0), raw[:8640].std(0)  # population std, as sklearn's StandardScaler
data = torch.from_numpy((raw - mean) / std)
L, H = args.lookback, args.horizon
def windows(start, end):
  # forecast starts t in [start, end - H]: x = rows [t - L, t), y = rows [t, t + H)
  first = max(start, L)
  return torch.arange(first, end - H + 1)
splits = {'train': windows(0, 8640), 'val': windows(8640, 11520), 'test': windows(11520, 14400)}
print('windows', {k: len(v) for k, v in splits.items()}, flush=True)
xs, ys = data.unfold(0, L, 1).transpose(1, 2), data.unfold(0, H, 1).transpose(1, 2)  # views [N, L, C], [N, H, C]
def batch(idx):
  return xs[idx - L].contiguous(), ys[idx].contiguous()

class Norm2d(nn.Module):
  def __init__(self, kind, L, C):
    super().__init__(); self.kind = kind
    self.n = nn.BatchNorm1d(L * C) if kind == 'batch' else nn.LayerNorm([L, C] if kind == 'layer2d' else [C])
  def forward(self, x):
    if self.kind != 'batch': return self.n(x)
    B, L, C = x.shape
    return self.n(x.reshape(B, L * C)).reshape(B, L, C)

class Block(nn.Module):
  def __init__(s, L, C):
    super().__init__()
    s.n1, s.n2 = Norm2d(args.norm, L, C), Norm2d(args.norm, L, C)
    s.time, s.ff1, s.ff2 = nn.Linear(L, L), nn.Linear(C, args.ff), nn.Linear(args.ff, C)
    s.gate = nn.Linear(C, C) if args.gate == 'sigmoid' else None
    s.drop = nn.Dropout(args.dropout)
  def forward(s, x):
    t = torch.relu(s.time(s.n1(x).transpose(1, 2).contiguous())).transpose(1, 2)
    x = x + s.drop(t)
    f = s.drop(s.ff2(s.drop(torch.relu(s.ff1(s.n2(x))))))
    if s.gate is not None: f = f * torch.sigmoid(s.gate(f.mean(1, keepdim=True)))  # channel gate, squeeze over time
    return x + f

class TSMixer(nn.Module):
  def __init__(s, L, H, C):
    super().__init__()
    s.blocks = nn.ModuleList([Block(L, C) for _ in range(args.blocks)])
    s.head = nn.Linear(L, H)
    s.rev_w, s.rev_b = nn.Parameter(torch.ones(C)), nn.Parameter(torch.zeros(C))
  def forward(s, x):
    m = x.mean(1, keepdim=True); sd = torch.sqrt(x.var(1, keepdim=True, unbiased=False) + 1e-5)
    h = (x - m) / sd * s.rev_w + s.rev_b
    for b in s.blocks: h = b(h)
    y = s.head(h.transpose(1, 2).contiguous()).transpose(1, 2)
    return (y - s.rev_b) / (s.rev_w + 1e-10) * sd + m

model = TSMixer(L, H, data.shape[1])
opt = torch.optim.Adam(model.parameters(), lr=args.lr)
print('params', sum(p.numel() for p in model.parameters()), vars(args), flush=True)

def evaluate(split):
  model.eval(); se = ae = n = 0.0
  with torch.no_grad():
    idx = splits[split]
    for i in range(0, len(idx), 256):
      x, y = batch(idx[i:i + 256]); d = model(x) - y
      se += (d * d).sum().item(); ae += d.abs().sum().item(); n += d.numel()
  return se / n, ae / n

best, best_state, bad, t0 = float('inf'), None, 0, time.time()
for epoch in range(1, args.epochs + 1):
  model.train(); te = time.time(); idx = splits['train'][torch.randperm(len(splits['train']))]
  for i in range(0, len(idx), args.batch):
    if len(idx) - i < 2: break  # BatchNorm needs two samples (8,033 = 251·32 + 1)
    x, y = batch(idx[i:i + args.batch])
    loss = nn.functional.mse_loss(model(x), y)
    opt.zero_grad(); loss.backward(); opt.step()
  val, _ = evaluate('val'); test, test_mae = evaluate('test')
  print(f'epoch {epoch}: train loss {loss.item():.4f} val {val:.4f} test {test:.4f} mae {test_mae:.4f} ({time.time() - te:.1f} s)', flush=True)
  if val < best: best, best_state, bad = val, {k: v.clone() for k, v in model.state_dict().items()}, 0
  else:
    bad += 1
    if bad >= args.patience: break
model.load_state_dict(best_state)
mse, mae = evaluate('test')
print(f'RESULT norm={args.norm} dropout={args.dropout} gate={args.gate}: best val {best:.4f} test mse {mse:.4f} mae {mae:.4f}, {epoch} epochs, {time.time() - t0:.0f} s', flush=True)
