"""A tiny multinomial logistic regression (numpy only) for the loader's fitted weights.

The loader's decisions are weighted sums of hand-written cues; this module fits the weights on the
labelled articles so that no training library is needed anywhere (the loader reads the weights from
assets/ and only takes a dot product). ``mask`` says which class may use which feature: the
meeting-type model lets each type's score depend on its own cues only, which keeps the model small
enough for a hundred articles; the relevance model is the two-class case with a reference class.

Fit: L2-penalised maximum likelihood by Newton's method with a backtracking line search (the
problem is convex and small: a few hundred parameters at most).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_ITERATIONS = 100
TOLERANCE = 1e-10
BIAS_L2 = 1e-3  # biases are barely penalised; a little keeps the Hessian invertible


@dataclass(frozen=True)
class Fitted:
    weights: np.ndarray  # (classes, features)
    bias: np.ndarray  # (classes,)


def softmax(scores: np.ndarray) -> np.ndarray:
    z = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _unpack(theta: np.ndarray, index: np.ndarray, shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    flat = np.zeros(shape[0] * (shape[1] + 1))
    flat[index] = theta
    full = flat.reshape(shape[0], shape[1] + 1)
    return full[:, :-1], full[:, -1]


def _objective(theta, index, shape, xb, onehot, penalty) -> float:
    w, b = _unpack(theta, index, shape)
    scores = xb @ np.hstack([w, b[:, None]]).T
    log_norm = np.log(np.exp(scores - scores.max(axis=1, keepdims=True)).sum(axis=1)) + scores.max(axis=1)
    nll = float((log_norm - (scores * onehot).sum(axis=1)).sum())
    return nll + 0.5 * float((penalty * theta * theta).sum())


def _gradient_and_hessian(theta, index, shape, xb, onehot, penalty):
    k, d1 = shape[0], shape[1] + 1
    w, b = _unpack(theta, index, shape)
    p = softmax(xb @ np.hstack([w, b[:, None]]).T)  # (n, k)
    grad_full = ((p - onehot).T @ xb).reshape(-1)  # (k*d1,)
    # d2/dW_kd dW_k'd' = sum_i x_id x_id' (p_ik [k=k'] - p_ik p_ik')
    cov = np.einsum("ik,kl->ikl", p, np.eye(k)) - np.einsum("ik,il->ikl", p, p)  # (n, k, k)
    hess_full = np.einsum("ikl,id,ie->kdle", cov, xb, xb).reshape(k * d1, k * d1)
    grad = grad_full[index] + penalty * theta
    hess = hess_full[np.ix_(index, index)] + np.diag(penalty)
    return grad, hess


def fit(x: np.ndarray, y: np.ndarray, mask: np.ndarray, l2: float) -> Fitted:
    """Weights (classes x features, zero outside ``mask``) and biases maximising the penalised likelihood.

    x: (n, features) in [0, 1]; y: (n,) class indices; mask: (classes, features + 1) booleans, the last
    column for the bias (a reference class has an all-False row).
    """
    n_classes, n_features = mask.shape[0], x.shape[1]
    shape = (n_classes, n_features)
    index = np.flatnonzero(mask.reshape(-1))
    xb = np.hstack([x, np.ones((len(x), 1))])
    onehot = np.eye(n_classes)[y]
    is_bias = (index % (n_features + 1)) == n_features
    penalty = np.where(is_bias, BIAS_L2, l2)
    theta = np.zeros(len(index))
    current = _objective(theta, index, shape, xb, onehot, penalty)
    for _ in range(MAX_ITERATIONS):
        grad, hess = _gradient_and_hessian(theta, index, shape, xb, onehot, penalty)
        step = np.linalg.solve(hess, grad)
        size = 1.0
        while size > 1e-8:
            candidate = theta - size * step
            value = _objective(candidate, index, shape, xb, onehot, penalty)
            if value <= current:
                break
            size /= 2
        theta, improvement, current = candidate, current - value, value
        if improvement < TOLERANCE:
            break
    w, b = _unpack(theta, index, shape)
    return Fitted(weights=w, bias=b)


def predict_proba(fitted: Fitted, x: np.ndarray) -> np.ndarray:
    return softmax(x @ fitted.weights.T + fitted.bias)
