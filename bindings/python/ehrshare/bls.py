# SPDX-License-Identifier: Apache-2.0
"""BLS12-381 values as small immutable Python classes over the C primitives.

Each class holds the canonical encoding (PROTOCOL.md section 3) and is
validated on construction, so an instance is always a usable, non-identity
element: Scalar (non-zero, below r), G1, G2 (compressed points in the
prime-order subgroup), GT (576-byte canonical element of the order-r group).

    g = G1.generator()
    k = Scalar.random()
    assert pairing(k * g, G2.generator()) == GT.generator() ** k
"""
import ctypes
from typing import Iterable, Tuple

from . import _ffi
from ._core import check

lib = _ffi.lib
SCALAR_BYTES = lib.ehr_scalar_bytes()
G1_BYTES = lib.ehr_g1_bytes()
G2_BYTES = lib.ehr_g2_bytes()
GT_BYTES = lib.ehr_gt_bytes()


def _buf(data: bytes, size: int):
    """A C array holding `data`, which the callers have already sized."""
    assert len(data) == size
    return (ctypes.c_uint8 * size).from_buffer_copy(data)


def _out(size: int):
    return (ctypes.c_uint8 * size)()


def _bytes_arg(data: bytes):
    data = bytes(data)
    if not data:
        return None, 0
    return (ctypes.c_uint8 * len(data)).from_buffer_copy(data), len(data)


class _Element:
    SIZE = 0
    _check = None

    __slots__ = ("_b",)

    def __init__(self, data: bytes):
        data = bytes(data)
        if len(data) != self.SIZE:
            from .errors import EhrError, Status
            raise EhrError(Status.ERR_LENGTH, f"expected {self.SIZE} bytes, got {len(data)}")
        check(type(self)._check(_buf(data, self.SIZE)))
        self._b = data

    @classmethod
    def _trusted(cls, data: bytes):
        obj = cls.__new__(cls)
        obj._b = bytes(data)
        return obj

    def __bytes__(self) -> bytes:
        return self._b

    def to_bytes(self) -> bytes:
        return self._b

    def __eq__(self, other) -> bool:
        return type(other) is type(self) and other._b == self._b

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._b))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._b[:8].hex()}…)"


class Scalar(_Element):
    """A non-zero integer modulo the group order r (32 bytes big-endian)."""
    SIZE = SCALAR_BYTES
    _check = lib.ehr_scalar_check

    @classmethod
    def random(cls) -> "Scalar":
        out = _out(SCALAR_BYTES)
        check(lib.ehr_scalar_generate(out))
        return cls._trusted(bytes(out))

    @classmethod
    def from_int(cls, value: int) -> "Scalar":
        return cls(int(value).to_bytes(SCALAR_BYTES, "big"))

    @classmethod
    def hash(cls, msg: bytes, dst: bytes) -> "Scalar":
        out = _out(SCALAR_BYTES)
        m, ml = _bytes_arg(msg)
        d, dl = _bytes_arg(dst)
        check(lib.ehr_scalar_hash(out, m, ml, d, dl))
        return cls._trusted(bytes(out))

    def __int__(self) -> int:
        return int.from_bytes(self._b, "big")


class _Point(_Element):
    _add = None
    _mul = None
    _gen = None
    _hash = None

    @classmethod
    def generator(cls):
        out = _out(cls.SIZE)
        check(cls._gen(out))
        return cls._trusted(bytes(out))

    @classmethod
    def hash(cls, msg: bytes, dst: bytes):
        """RFC 9380 hash_to_curve (SSWU_RO, SHA-256) with the given tag."""
        out = _out(cls.SIZE)
        m, ml = _bytes_arg(msg)
        d, dl = _bytes_arg(dst)
        check(cls._hash(out, m, ml, d, dl))
        return cls._trusted(bytes(out))

    def __add__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        out = _out(self.SIZE)
        check(type(self)._add(out, _buf(self._b, self.SIZE), _buf(other._b, self.SIZE)))
        return type(self)._trusted(bytes(out))

    def __rmul__(self, k):
        if isinstance(k, int):
            k = Scalar.from_int(k)
        if not isinstance(k, Scalar):
            return NotImplemented
        out = _out(self.SIZE)
        check(type(self)._mul(out, _buf(self._b, self.SIZE), _buf(k._b, SCALAR_BYTES)))
        return type(self)._trusted(bytes(out))

    __mul__ = __rmul__


class G1(_Point):
    """A point of G1 (48-byte compressed ZCash encoding)."""
    SIZE = G1_BYTES
    _check = lib.ehr_g1_check
    _add = lib.ehr_g1_add
    _mul = lib.ehr_g1_mul
    _gen = lib.ehr_g1_get_generator
    _hash = lib.ehr_g1_hash


class G2(_Point):
    """A point of G2 (96-byte compressed ZCash encoding, x.c1 first)."""
    SIZE = G2_BYTES
    _check = lib.ehr_g2_check
    _add = lib.ehr_g2_add
    _mul = lib.ehr_g2_mul
    _gen = lib.ehr_g2_get_generator
    _hash = lib.ehr_g2_hash


class GT(_Element):
    """An element of the order-r target group (576-byte canonical encoding)."""
    SIZE = GT_BYTES
    _check = lib.ehr_gt_check

    @classmethod
    def generator(cls) -> "GT":
        out = _out(GT_BYTES)
        check(lib.ehr_gt_get_generator(out))
        return cls._trusted(bytes(out))

    def _binary(self, fn, other):
        out = _out(GT_BYTES)
        check(fn(out, _buf(self._b, GT_BYTES), _buf(other._b, GT_BYTES)))
        return GT._trusted(bytes(out))

    def __mul__(self, other):
        return self._binary(lib.ehr_gt_mul, other) if isinstance(other, GT) else NotImplemented

    def __truediv__(self, other):
        return self._binary(lib.ehr_gt_div, other) if isinstance(other, GT) else NotImplemented

    def __pow__(self, k):
        if isinstance(k, int):
            k = Scalar.from_int(k)
        out = _out(GT_BYTES)
        check(lib.ehr_gt_pow(out, _buf(self._b, GT_BYTES), _buf(k._b, SCALAR_BYTES)))
        return GT._trusted(bytes(out))


def pairing(p: G1, q: G2) -> GT:
    """e(p, q), normalised as blst normalises it (PROTOCOL.md section 1)."""
    out = _out(GT_BYTES)
    check(lib.ehr_pairing_compute(out, _buf(p._b, G1_BYTES), _buf(q._b, G2_BYTES)))
    return GT._trusted(bytes(out))


def _pairs(pairs: Iterable[Tuple[G1, G2]]):
    pairs = list(pairs)
    ps = b"".join(p._b for p, _ in pairs)
    qs = b"".join(q._b for _, q in pairs)
    return (_buf(ps, len(ps)) if ps else _out(1)), (_buf(qs, len(qs)) if qs else _out(1)), len(pairs)


def pairing_product(pairs: Iterable[Tuple[G1, G2]]) -> GT:
    """The product of e(p, q) over the pairs, with one final exponentiation."""
    ps, qs, n = _pairs(pairs)
    out = _out(GT_BYTES)
    check(lib.ehr_pairing_product(out, ps, qs, n))
    return GT._trusted(bytes(out))


def pairing_check(pairs: Iterable[Tuple[G1, G2]]) -> bool:
    """True if the product of e(p, q) over the pairs is 1."""
    from .errors import EhrError, Status
    ps, qs, n = _pairs(pairs)
    try:
        check(lib.ehr_pairing_check(ps, qs, n))
        return True
    except EhrError as err:
        if err.status == Status.ERR_VERIFY:
            return False
        raise
