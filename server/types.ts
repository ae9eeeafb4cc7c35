declare module 'fastify' {
  interface FastifyInstance {
    renderView(template: string, data: Record<string, unknown>): string;
  }
  interface FastifyReply {
    /** Renders views/<template>.eta as an HTML page. */
    page(template: string, data?: Record<string, unknown>, status?: number): FastifyReply;
  }
}

export {};
