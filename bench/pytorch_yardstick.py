#!/usr/bin/env python3
"""PyTorch yardstick for `bench`: the same GANs, autoencoder and VAE as the lab's presets, and the same geometry
workloads as `geometry-bench`, timed the same way.

Training: one iteration = one D update on a real batch and a generated batch + one G update, non-saturating loss,
Adam (GANs), or one update of encoder and decoder (autoencoder, VAE); the rate is in iterations per second.
Geometry, in double precision as in the lab: a softmax MLP (default 784-12-10, tanh) on 1,000 random examples, its
mean cross-entropy; one Hessian-vector product by double backpropagation (Pearlmutter 1994) from scratch; the top 5
eigenvalues by Lanczos with full reorthogonalisation (20 products on one gradient graph, as PyHessian does); a 51 x 51
loss surface on filter-normalised random directions (Li et al. 2018) with the first layer's products X W, X D1, X D2
computed once per plane, as the lab does; the Jacobian of a 784-128-32 tanh / sigmoid encoder at one input by one
batched backward pass. Their rate is in operations per second (the lab prints it in ms).

Prints the median rate over several windows after a warm-up, for each thread count.
Usage: OMP_WAIT_POLICY=PASSIVE python3 bench/pytorch_yardstick.py [--nets a,b] [--threads 1,2] [--seconds 3]
       [--repeats 5]
`bench --vs-pytorch` runs it with --serve instead: one JSON line per command on stdin / stdout, so that the lab can
alternate its rounds with PyTorch's.
(Debian: apt-get install python3-torch)
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

try:
    import torch
    from torch import nn
    import torch.nn.functional as F
except ImportError as e:
    sys.stderr.write(f"PyTorch is not installed for {sys.executable} ({e}): apt-get install python3-torch"
                     " or pip install torch\n")
    sys.exit(3)

TRAINING = ["ring8-nsgan", "mnist-mlp-gan", "fashion-dcgan", "mnist-ae", "mnist-vae"]
GEOMETRY = ["geometry-hvp", "geometry-top5", "geometry-surface", "geometry-jacobian"]
# the geometry workload of `geometry-bench` (GeometryBenchmark.Config.standard())
GEOMETRY_CONFIG = {"mlp": [784, 12, 10], "examples": 1000, "lanczos": 20, "surface": 51,
                   "encoder": [784, 128, 32], "seed": 1}
WARM_UP_SECONDS = 2


def ring8(n):
    k = torch.randint(0, 8, (n,))
    angle = 2 * math.pi * k.float() / 8
    means = torch.stack([2 * torch.cos(angle), 2 * torch.sin(angle)], 1)
    return means + 0.02 * torch.randn(n, 2)


def mlp(sizes, act, out_act=None):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(act())
    if out_act is not None:
        layers.append(out_act())
    return nn.Sequential(*layers)


class Reshape(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.view(x.size(0), *self.shape)


def nets(name):
    if name == "ring8-nsgan":
        return (mlp([2, 128, 128, 2], nn.ReLU), mlp([2, 128, 128, 1], nn.ReLU), 2, 256,
                lambda n: ring8(n), 1e-3)
    lrelu = lambda: nn.LeakyReLU(0.2)
    if name == "mnist-mlp-gan":
        return (mlp([100, 256, 512, 784], lrelu, nn.Tanh), mlp([784, 512, 256, 1], lrelu), 100, 64,
                lambda n: torch.rand(n, 784) * 2 - 1, 2e-4)
    if name == "fashion-dcgan":
        g = nn.Sequential(nn.Linear(100, 7 * 7 * 32), nn.BatchNorm1d(7 * 7 * 32), nn.ReLU(), Reshape(32, 7, 7),
                          nn.ConvTranspose2d(32, 16, 4, 2, 1), nn.BatchNorm2d(16), nn.ReLU(),
                          nn.ConvTranspose2d(16, 1, 4, 2, 1), nn.Tanh(), Reshape(784))
        d = nn.Sequential(Reshape(1, 28, 28), nn.Conv2d(1, 16, 4, 2, 1), nn.LeakyReLU(0.2),
                          nn.Conv2d(16, 32, 4, 2, 1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(32 * 7 * 7, 1))
        return g, d, 100, 64, lambda n: torch.rand(n, 784) * 2 - 1, 2e-4
    raise ValueError(f"the yardstick has no {name}")


def autoencoder_step(name):
    """The MLP autoencoder (784-64-784, sigmoid code, Bernoulli) or the VAE (784-400-(20+20), 20-400-784), batch
    128, Adam 1e-3, losses summed over pixels and averaged over the batch as in the lab."""
    x_all = torch.rand(10000, 784)
    if name == "mnist-ae":
        enc = nn.Sequential(nn.Linear(784, 64), nn.Sigmoid())
        dec = nn.Linear(64, 784)
    else:
        enc = nn.Sequential(nn.Linear(784, 400), nn.ReLU(), nn.Linear(400, 40))
        dec = nn.Sequential(nn.Linear(20, 400), nn.ReLU(), nn.Linear(400, 784))
    opt = torch.optim.Adam(list(enc.parameters()) + list(dec.parameters()), 1e-3)

    def iterate():
        x = x_all[torch.randint(0, 10000, (128,))]
        e = enc(x)
        kl = 0
        if name == "mnist-vae":
            mu, lv = e[:, :20], e[:, 20:]
            e = mu + torch.exp(0.5 * lv) * torch.randn_like(mu)
            kl = 0.5 * (mu * mu + lv.exp() - 1 - lv).sum(1).mean()
        loss = F.binary_cross_entropy_with_logits(dec(e), x, reduction="sum") / 128 + kl
        opt.zero_grad()
        loss.backward()
        opt.step()

    return iterate, 128


def workload(name, geometry_config=None):
    """The iteration of a workload and a note on it (its batch)."""
    if name in GEOMETRY:
        return geometry(name, dict(GEOMETRY_CONFIG, **(geometry_config or {})))
    if name in ("mnist-ae", "mnist-vae"):
        iterate, batch = autoencoder_step(name)
        return iterate, f"batch {batch}"
    g, d, z_dim, batch, data, lr = nets(name)
    og = torch.optim.Adam(g.parameters(), lr, betas=(0.5, 0.999))
    od = torch.optim.Adam(d.parameters(), lr, betas=(0.5, 0.999))

    def iterate():
        real = data(batch)
        fake = g(torch.randn(batch, z_dim)).detach()
        s = d(torch.cat([real, fake]))
        loss_d = F.softplus(-s[:batch]).mean() + F.softplus(s[batch:]).mean()
        od.zero_grad()
        loss_d.backward()
        od.step()
        loss_g = F.softplus(-d(g(torch.randn(batch, z_dim)))).mean()
        og.zero_grad()
        loss_g.backward()
        og.step()

    return iterate, f"batch {batch}"


def geometry(name, c):
    """The geometry bench's operations in double precision; see the module comment."""
    f64 = torch.float64
    gen = torch.Generator().manual_seed(int(c["seed"]))
    sizes = [int(s) for s in c["mlp"]]
    n = int(c["examples"])
    x = torch.rand(n, sizes[0], generator=gen, dtype=f64)
    y = torch.randint(0, sizes[-1], (n,), generator=gen)
    net = mlp(sizes, nn.Tanh).double()
    params = list(net.parameters())
    count = sum(p.numel() for p in params)

    def flat_gradient():
        grads = torch.autograd.grad(F.cross_entropy(net(x), y), params, create_graph=True)
        return torch.cat([g.reshape(-1) for g in grads])

    def product(g, v):
        return torch.cat([h.reshape(-1) for h in torch.autograd.grad(g @ v, params, retain_graph=True)])

    if name == "geometry-hvp":
        v = torch.randn(count, generator=gen, dtype=f64)
        return lambda: product(flat_gradient(), v), f"{count} parameters, {n} examples"
    if name == "geometry-top5":
        steps = int(c["lanczos"])

        def top5():
            g = flat_gradient()
            q = torch.randn(count, generator=gen, dtype=f64)
            q /= q.norm()
            basis, alpha, beta = [], [], []
            for j in range(steps):
                basis.append(q)
                w = product(g, q)
                a = q @ w
                alpha.append(a)
                w = w - a * q
                if j > 0:
                    w = w - beta[-1] * basis[-2]
                b = torch.stack(basis)
                for _ in range(2):
                    w = w - b.t() @ (b @ w)
                beta.append(w.norm())
                q = w / beta[-1]
            t = torch.diag(torch.stack(alpha)) + torch.diag(torch.stack(beta[:-1]), 1) \
                + torch.diag(torch.stack(beta[:-1]), -1)
            values, vectors = torch.linalg.eigh(t)
            return values[-5:].flip(0), torch.stack(basis).t() @ vectors[:, -5:]

        return top5, f"{steps} products, {count} parameters"
    if name == "geometry-surface":
        k = int(c["surface"])
        with torch.no_grad():
            directions = [filter_normalized(params, gen), filter_normalized(params, gen)]
        grid = torch.linspace(-1, 1, k, dtype=f64).tolist()
        linears = [m for m in net if isinstance(m, nn.Linear)]

        def surface():
            out = torch.empty(k, k, dtype=f64)
            with torch.no_grad():
                first = linears[0]
                d1, d2 = directions[0], directions[1]
                xw = F.linear(x, first.weight, first.bias)
                xd1 = F.linear(x, d1[0], d1[1])
                xd2 = F.linear(x, d2[0], d2[1])
                for j, b in enumerate(grid):
                    for i, a in enumerate(grid):
                        h = torch.tanh(xw + a * xd1 + b * xd2)
                        for li in range(1, len(linears)):
                            p = 2 * li
                            w = linears[li].weight + a * d1[p] + b * d2[p]
                            bias = linears[li].bias + a * d1[p + 1] + b * d2[p + 1]
                            h = F.linear(h, w, bias)
                            if li < len(linears) - 1:
                                h = torch.tanh(h)
                        out[j, i] = F.cross_entropy(h, y).item()
            return out

        return surface, f"{k}x{k} cells, {count} parameters"
    if name == "geometry-jacobian":
        e = [int(s) for s in c["encoder"]]
        enc = nn.Sequential(nn.Linear(e[0], e[1]), nn.Tanh(), nn.Linear(e[1], e[2]), nn.Sigmoid()).double()
        x0 = torch.rand(e[0], generator=gen, dtype=f64)
        eye = torch.eye(e[2], dtype=f64)

        def jacobian():
            xs = x0.expand(e[2], e[0]).clone().requires_grad_(True)
            return torch.autograd.grad(enc(xs), xs, grad_outputs=eye)[0]

        return jacobian, f"{e[2]}x{e[0]}, one batched backward"
    raise ValueError(f"the yardstick has no {name}")


def filter_normalized(params, gen):
    """A Gaussian direction, each output neuron's weights scaled to the norm of the layer's; biases zero."""
    out = []
    for p in params:
        if p.dim() <= 1:
            out.append(torch.zeros_like(p))
            continue
        d = torch.randn(p.shape, generator=gen, dtype=p.dtype)
        d *= p.norm(dim=1, keepdim=True) / d.norm(dim=1, keepdim=True)
        out.append(d)
    return out


def measure(name, seconds, repeats, geometry_config=None):
    iterate, note = workload(name, geometry_config)
    warm_up(iterate)
    return timed(iterate, seconds, repeats) + (note,)


def warm_up(iterate):
    end = time.perf_counter() + WARM_UP_SECONDS
    iterate()
    while time.perf_counter() < end:
        iterate()


def window(iterate, seconds):
    """Iterations per second over one window of at least `seconds` (at least one iteration)."""
    start = time.perf_counter()
    n = 0
    while True:
        iterate()
        n += 1
        now = time.perf_counter()
        if now - start >= seconds:
            return n / (now - start), n


def timed(iterate, seconds, repeats):
    rates = [window(iterate, seconds)[0] for _ in range(repeats)]
    return statistics.median(rates), min(rates), max(rates)


def blas():
    """Which BLAS this PyTorch calls: the library loaded into the process after a product, and the build's word."""
    a = torch.ones(64, 64)
    a @ a
    loaded = []
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                base = os.path.basename(path)
                if ("blas" in base or "mkl_" in base) and base not in loaded:
                    loaded.append(base)
    except OSError:
        pass
    config = torch.__config__.show()
    info = next((w for w in config.replace(",", " ").split() if w.startswith("BLAS_INFO=")), "BLAS_INFO=?")
    lib = next((b for b in loaded if "openblas" in b), None) or next((b for b in loaded if "mkl" in b), None) \
        or (loaded[0] if loaded else None)
    name = "MKL" if torch.backends.mkl.is_available() else ("OpenBLAS" if lib and "openblas" in lib else "BLAS")
    return f"{name} ({lib}, {info})" if lib else f"{name} ({info})"


def serve(threads):
    """One JSON line per command: `prepare NAME [JSON]` builds a workload and warms it up, `window NAME SECONDS`
    times one window, `release NAME`, `quit`."""
    torch.set_num_threads(threads)
    print(json.dumps({"torch": torch.__version__, "blas": blas(), "threads": torch.get_num_threads()}), flush=True)
    prepared = {}
    for line in sys.stdin:
        parts = line.strip().split(None, 2)
        if not parts:
            continue
        try:
            if parts[0] == "prepare":
                torch.manual_seed(1)
                iterate, note = workload(parts[1], json.loads(parts[2]) if len(parts) > 2 else None)
                warm_up(iterate)
                prepared[parts[1]] = iterate
                reply = {"ok": True, "note": note}
            elif parts[0] == "window":
                rate, n = window(prepared[parts[1]], float(parts[2]))
                reply = {"rate": rate, "iterations": n}
            elif parts[0] == "release":
                prepared.pop(parts[1], None)
                reply = {"ok": True}
            elif parts[0] == "quit":
                break
            else:
                reply = {"error": "unknown command " + parts[0]}
        except ValueError as e:  # the lab prints the message in the table's row
            reply = {"error": str(e)}
        except Exception as e:
            reply = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(reply), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nets", default=",".join(TRAINING + GEOMETRY))
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--seconds", type=float, default=3)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--serve", action="store_true", help="answer the lab's commands on stdin (bench --vs-pytorch)")
    a = ap.parse_args()
    if a.serve:
        serve(int(a.threads.split(",")[0]))
        return
    print(f"{'net':18} {'threads':>7} {'median':>10} {'min':>10} {'max':>10}  (PyTorch {torch.__version__},"
          f" {blas()}; it/s, geometry in ms)")
    for name in a.nets.split(","):
        for t in [int(x) for x in a.threads.split(",")]:
            torch.set_num_threads(t)
            torch.manual_seed(1)
            med, lo, hi, note = measure(name, a.seconds, a.repeats)
            if name in GEOMETRY:
                med, lo, hi = 1000 / med, 1000 / hi, 1000 / lo
            print(f"{name:18} {t:7d} {med:10.1f} {lo:10.1f} {hi:10.1f}  {note}")


if __name__ == "__main__":
    main()
