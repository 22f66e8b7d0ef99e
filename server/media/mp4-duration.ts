/**
 * @module media/mp4-duration
 * How long an MP4 (ISO BMFF) video is, from its movie header (`moov/mvhd`: duration over
 * timescale), without decoding anything: what a paid video job delivered. Undefined when the
 * bytes hold no readable movie header.
 */

interface Box {
  type: string
  start: number
  end: number
}

function* boxes(view: DataView, from: number, to: number): Generator<Box> {
  let at = from
  while (at + 8 <= to) {
    let size = view.getUint32(at)
    const type = String.fromCharCode(
      view.getUint8(at + 4),
      view.getUint8(at + 5),
      view.getUint8(at + 6),
      view.getUint8(at + 7)
    )
    let header = 8
    if (size === 1) {
      if (at + 16 > to) return
      size = Number(view.getBigUint64(at + 8))
      header = 16
    } else if (size === 0) size = to - at
    if (size < header || at + size > to) return
    yield { type, start: at + header, end: at + size }
    at += size
  }
}

export function mp4Seconds(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (const moov of boxes(view, 0, view.byteLength)) {
    if (moov.type !== 'moov') continue
    for (const mvhd of boxes(view, moov.start, moov.end)) {
      if (mvhd.type !== 'mvhd') continue
      const version = view.getUint8(mvhd.start)
      const wide = version === 1
      if (mvhd.start + (wide ? 32 : 20) > mvhd.end) return undefined
      const timescale = view.getUint32(mvhd.start + (wide ? 20 : 12))
      const duration = wide
        ? Number(view.getBigUint64(mvhd.start + 24))
        : view.getUint32(mvhd.start + 16)
      return timescale > 0 ? duration / timescale : undefined
    }
  }
  return undefined
}
