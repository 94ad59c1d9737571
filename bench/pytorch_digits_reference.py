"""The digits-reference protocol in PyTorch on one thread: an independent check of Seedlab's numbers
and the side-by-side timing baseline.

Protocol: digits/16, test = index % 4 == 3 (449 rows), MLP 64-32-10 relu, Glorot-uniform weights,
zero biases, Adam(lr 1e-3, betas 0.9/0.999, eps 1e-7), batch 32 keeping the last partial batch,
20 epochs reshuffled every epoch, seeds 1..30, test accuracy after epoch 20.

Run: OMP_NUM_THREADS=1 /usr/bin/python3 bench/pytorch_digits_reference.py [--seeds 30]
(Debian: apt-get install python3-torch)

--equal-work does the work Seedlab's study does on top (npm run bench compares both): three more
runs (Seedlab re-trains the first, middle and last seed to check repeatability), the epoch's
running training loss and accuracy (Keras-style, from each batch's outputs), and after every epoch
the loss and accuracy on the test set.

--import-request PATH writes the runs as a Seedlab import request (POST /api/studies with
kind "imported"): each seed's test accuracy and its test accuracy after every epoch. npm start
posts data/imported/pytorch-digits-reference.json, made with it, as its demo of imported runs.
"""
import argparse, csv, json, statistics, time
from pathlib import Path

import torch

torch.set_num_threads(1)
p = argparse.ArgumentParser()
p.add_argument("--seeds", type=int, default=30)
p.add_argument("--equal-work", action="store_true")
p.add_argument("--import-request")
args = p.parse_args()

rows = list(csv.reader(open(Path(__file__).parent.parent / "data" / "digits.csv")))[1:]
X = torch.tensor([[float(v) / 16 for v in r[:-1]] for r in rows], dtype=torch.float32)
y = torch.tensor([int(r[-1]) for r in rows])
test = torch.arange(len(rows)) % 4 == 3
Xtr, ytr, Xte, yte = X[~test], y[~test], X[test], y[test]


curves = {}


def run(seed: int) -> float:
    g = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
    for m in model:
        if isinstance(m, torch.nn.Linear):
            torch.nn.init.xavier_uniform_(m.weight)
            torch.nn.init.zeros_(m.bias)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()
    for _ in range(20):
        running_loss, running_correct = torch.zeros(()), torch.zeros((), dtype=torch.long)
        perm = torch.randperm(len(Xtr), generator=g)
        for i in range(0, len(Xtr), 32):
            idx = perm[i : i + 32]
            opt.zero_grad()
            out = model(Xtr[idx])
            loss = loss_fn(out, ytr[idx])
            loss.backward()
            opt.step()
            if args.equal_work:
                running_loss += loss.detach() * len(idx)
                running_correct += (out.detach().argmax(1) == ytr[idx]).sum()
        if args.equal_work:
            with torch.no_grad():
                out = model(Xte)
                loss_fn(out, yte).item(), (out.argmax(1) == yte).float().mean().item()
        if args.import_request:
            with torch.no_grad():
                curves.setdefault(seed, []).append((model(Xte).argmax(1) == yte).float().mean().item())
    with torch.no_grad():
        return (model(Xte).argmax(1) == yte).float().mean().item()


t0 = time.perf_counter()
accs = [run(s) for s in range(1, args.seeds + 1)]
if args.equal_work:
    for s in sorted({1, (args.seeds + 1) // 2, args.seeds}):
        run(s)
seconds = time.perf_counter() - t0
if args.import_request:
    request = {
        "kind": "imported",
        "title": f"PyTorch on the digits-reference protocol, {args.seeds} seeds",
        "metric": {"name": "test accuracy", "unit": "fraction", "higherIsBetter": True},
        "source": {
            "framework": f"PyTorch {torch.__version__}, one thread",
            "notes": "bench/pytorch_digits_reference.py: digits/16, test = rows with index % 4 == 3 (449), "
            "MLP 64-32-10 relu, Adam 1e-3, batch 32, 20 epochs, seeds 1 to 30: Seedlab's digits-reference preset, in PyTorch.",
        },
        "arms": [{"label": "PyTorch", "runs": [
            {"seed": s, "value": a, "curve": curves[s]} for s, a in zip(range(1, args.seeds + 1), accs)
        ]}],
    }
    Path(args.import_request).write_text(json.dumps(request, indent=1) + "\n")
print(json.dumps({
    "torch": torch.__version__, "seeds": args.seeds, "seconds": round(seconds, 2),
    "mean": statistics.mean(accs), "std": statistics.stdev(accs), "min": min(accs), "max": max(accs),
}))
