// The architecture diagram as the documents draw it, as a page shows it: layers top to bottom, each
// with its label and boxes, arrows between; the same data (shared/systems/diagram.ts) as the PDF's.
import type { DiagramBlock } from '../../../../shared/systems/diagram.ts';

export function DiagramView({ diagram }: { diagram: DiagramBlock }) {
  return (
    <figure className="diagram">
      <ol className="diagram-layers">
        {diagram.layers.map((layer, i) => (
          <li key={i} className="diagram-layer">
            <span className="diagram-label">{layer.label}</span>
            <ul className="diagram-boxes">
              {layer.boxes.map((box, j) => (
                <li key={j} className="diagram-box">
                  <strong>{box.title}</strong>
                  {box.detail && <span>{box.detail}</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <figcaption>{diagram.caption}</figcaption>
    </figure>
  );
}
