/** The API route that takes a batch of figures, whose body may be as large as an import file. */
export const FIGURES_PATH = '/api/v1/figures';
