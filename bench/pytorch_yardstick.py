#!/usr/bin/env python3
"""PyTorch yardstick for `bench`: the same GANs, autoencoder and VAE as the lab's presets, timed the same way.

One iteration = one D update on a real batch and a generated batch + one G update, non-saturating loss, Adam.
Prints the median iterations per second over several windows after a warm-up, for each thread count.
Usage: OMP_WAIT_POLICY=PASSIVE python3 bench/pytorch_yardstick.py [--threads 1,2] [--seconds 3] [--repeats 5]
(Debian: apt-get install python3-torch)
"""
import argparse
import math
import statistics
import time

import torch
from torch import nn
import torch.nn.functional as F


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
    raise SystemExit("unknown net " + name)


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


def measure(name, seconds, repeats):
    if name in ("mnist-ae", "mnist-vae"):
        iterate, batch = autoencoder_step(name)
        return timed(iterate, seconds, repeats) + (batch,)
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

    return timed(iterate, seconds, repeats) + (batch,)


def timed(iterate, seconds, repeats):
    end = time.perf_counter() + 2
    while time.perf_counter() < end:
        iterate()
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        n = 0
        while True:
            iterate()
            n += 1
            now = time.perf_counter()
            if now - start >= seconds:
                break
        rates.append(n / (now - start))
    return statistics.median(rates), min(rates), max(rates)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nets", default="ring8-nsgan,mnist-mlp-gan,fashion-dcgan,mnist-ae,mnist-vae")
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--seconds", type=float, default=3)
    ap.add_argument("--repeats", type=int, default=5)
    a = ap.parse_args()
    print(f"{'net':16} {'threads':>7} {'median':>10} {'min':>10} {'max':>10}  (PyTorch {torch.__version__}, it/s)")
    for name in a.nets.split(","):
        for t in [int(x) for x in a.threads.split(",")]:
            torch.set_num_threads(t)
            torch.manual_seed(1)
            med, lo, hi, batch = measure(name, a.seconds, a.repeats)
            print(f"{name:16} {t:7d} {med:10.1f} {lo:10.1f} {hi:10.1f}  batch {batch}")


if __name__ == "__main__":
    main()
