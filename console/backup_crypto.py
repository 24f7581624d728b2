"""Encryption of backup archives with a key the operator keeps: AES-256-GCM in authenticated chunks.

An archive is written as a stream (rows through temporary files, media straight from storage)
and can be far larger than memory, so it is sealed chunk by chunk as it is written; Fernet would
need the whole archive in memory to make or check its one token. The layout is the STREAM
construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015):

  header  MAGIC | version (1) | chunk size (4) | scrypt salt (16) | nonce prefix (7) | key check (16)
  chunks  AES-GCM(plaintext chunk), nonce = prefix | chunk number (4) | 1 on the last chunk else 0,
          the header's bytes as associated data

so a chunk cannot be changed, moved, dropped or followed by another without its tag failing;
the key check (a tag over nothing) tells a wrong key from a damaged archive. The key is derived
from the operator's key text with scrypt and the archive's own salt, so a passphrase serves too.
"""

import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"KOPRUENC"
VERSION = 1
CHUNK_SIZE = 1 << 20
TAG_SIZE = 16
SALT_SIZE = 16
PREFIX_SIZE = 7
_FIXED = struct.Struct(f">{len(MAGIC)}sBI{SALT_SIZE}s{PREFIX_SIZE}s")
HEADER_SIZE = _FIXED.size + TAG_SIZE
MIN_KEY_LENGTH = 16
_KEY_CHECK_NONCE = b"\xff" * 4 + b"\x02"  # never a chunk's: their last byte is 0 or 1


class WrongKey(Exception):
    """The key does not open the archive (or its header was changed)."""


class Damaged(Exception):
    """The archive was cut short or changed after it was written."""


def _aead(key: bytes, salt: bytes) -> AESGCM:
    return AESGCM(Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(key))


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    # to_bytes refuses a 2**32nd chunk (4 PiB in), so no nonce is ever used twice
    return prefix + number.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


class EncryptingWriter:
    """A write-only file object that seals what is written to `target`; close() writes the last chunk."""

    def __init__(self, target, key: bytes):
        salt, self._prefix = os.urandom(SALT_SIZE), os.urandom(PREFIX_SIZE)
        self._aead = _aead(key, salt)
        fixed = _FIXED.pack(MAGIC, VERSION, CHUNK_SIZE, salt, self._prefix)
        self._header = fixed + self._aead.encrypt(self._prefix + _KEY_CHECK_NONCE, b"", fixed)
        self._target = target
        self._target.write(self._header)
        self._buffer = bytearray()
        self._number = 0
        self.closed = False

    def write(self, data) -> int:
        self._buffer += data
        # One full chunk stays behind: only close() knows which chunk is the last.
        while len(self._buffer) > CHUNK_SIZE:
            self._seal(bytes(self._buffer[:CHUNK_SIZE]), last=False)
            del self._buffer[:CHUNK_SIZE]
        return len(data)

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        self._target.write(self._aead.encrypt(_nonce(self._prefix, self._number, last), chunk, self._header))
        self._number += 1

    def flush(self) -> None:
        self._target.flush()

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        if exc_info[0] is None:
            self.close()


def decrypt(source, target, key: bytes) -> None:
    """Write the plaintext of the sealed stream `source` to `target`; WrongKey or Damaged if it cannot."""
    header = source.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE:
        raise Damaged("header cut short")
    magic, version, chunk_size, salt, prefix = _FIXED.unpack(header[:_FIXED.size])
    if magic != MAGIC or version != VERSION or not 0 < chunk_size <= 64 * CHUNK_SIZE:
        raise Damaged("not a sealed archive of this version")
    aead = _aead(key, salt)
    try:
        aead.decrypt(prefix + _KEY_CHECK_NONCE, header[_FIXED.size:], header[:_FIXED.size])
    except InvalidTag as error:
        raise WrongKey from error
    block_size = chunk_size + TAG_SIZE
    block, number = source.read(block_size), 0
    while True:
        following = source.read(block_size) if len(block) == block_size else b""
        last = not following
        try:
            target.write(aead.decrypt(_nonce(prefix, number, last), block, header))
        except InvalidTag as error:
            raise Damaged(f"chunk {number}") from error
        if last:
            return
        block, number = following, number + 1
