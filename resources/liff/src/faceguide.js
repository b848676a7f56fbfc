// Judges a selfie frame from the faces an on-device detector found in it: exactly one face, not too
// far nor too near, centred in the page's oval guide. The frame is judged as the resident sees it:
// the selfie viewer shows the middle 3:4 part of the camera's frame (object-fit: cover), and the
// oval guide (style.css .face-guide) sits at 20–80 % of that width, 14–78 % of its height.
// Pure functions (no DOM), so the thresholds are easy to read and to change in one place.

export const guideLimits = {
  // Face box width as a fraction of the visible width: the oval is 0.6 wide; a face at arm's length
  // fills about half of it.
  minWidth: 0.26,
  // A face narrower than this is someone far behind (or a picture on the wall), not a second person
  // in the selfie; it is not counted. Half of minWidth: a second face as near as the resident's
  // always counts.
  ignoreWidth: 0.13,
  maxWidth: 0.8,
  // The oval's centre and how far the face's centre may be from it (fractions of the visible width
  // and height). A turned head moves the detector's box sideways, so turns get more room.
  centreX: 0.5,
  centreY: 0.46,
  maxOffsetX: 0.14,
  maxOffsetXTurned: 0.22,
  maxOffsetY: 0.14,
};

// The part of a width x height frame that a 3:4 viewer with object-fit: cover shows.
export function visibleRect(width, height, aspect = 3 / 4) {
  if (width / height > aspect) {
    const w = height * aspect;
    return { x: (width - w) / 2, y: 0, width: w, height };
  }
  const h = width / aspect;
  return { x: 0, y: (height - h) / 2, width, height: h };
}

// boxes: [{x, y, width, height}] in frame pixels. Answers { problem, box } where problem is a
// message key (faceNone, faceMany, faceFar, faceNear, faceCentre) or null when the frame may be
// taken, and box is the one face in viewer fractions (for the visual cue), or null.
export function judgeFaces(boxes, width, height, { turned = false, limits = guideLimits } = {}) {
  const view = visibleRect(width, height);
  const inView = boxes
    .map((b) => ({
      x: (b.x - view.x) / view.width, y: (b.y - view.y) / view.height,
      width: b.width / view.width, height: b.height / view.height,
    }))
    // A face partly outside what the resident sees still counts (a second person at the edge).
    .filter((b) => b.x + b.width > 0 && b.x < 1 && b.y + b.height > 0 && b.y < 1)
    // Unless only the one face is near enough to matter, the nearest decides "too far".
    .filter((b, _, all) => b.width >= limits.ignoreWidth || all.every((o) => o.width < limits.ignoreWidth));
  if (inView.length === 0) return { problem: 'faceNone', box: null };
  if (inView.length > 1) return { problem: 'faceMany', box: null };
  const box = inView[0];
  if (box.width < limits.minWidth) return { problem: 'faceFar', box };
  if (box.width > limits.maxWidth) return { problem: 'faceNear', box };
  const dx = Math.abs(box.x + box.width / 2 - limits.centreX);
  const dy = Math.abs(box.y + box.height / 2 - limits.centreY);
  if (dx > (turned ? limits.maxOffsetXTurned : limits.maxOffsetX) || dy > limits.maxOffsetY) return { problem: 'faceCentre', box };
  return { problem: null, box };
}
