export interface RenderedEmail {
  to: string;
  subject: string;
  text: string;
}
