// Stylesheets have no meaning in jsdom; components import them for the browser build only.
export default {};
