import cytoscape from 'cytoscape';

const container = document.getElementById('cy') as HTMLElement;
container.style.cssText = 'position:fixed;inset:0';
const cy = cytoscape({ container, style: [{ selector: 'node', style: { label: 'data(name)' } }] });

fetch('/api/graph/elements')
  .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
  .then((body: { elements: cytoscape.ElementsDefinition }) => {
    cy.add(body.elements);
    cy.layout({ name: 'cose', animate: false }).run();
  })
  .catch((err: unknown) => {
    container.textContent = `API unreachable: ${String(err)}`;
  });
